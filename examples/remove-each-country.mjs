// Remove each country in turn and rank the damage: how much magnet demand in the REST of the world stops being
// served when every facility of that country drops out (max-total served demand, bundled 2025 graph).
// Run: node examples/remove-each-country.mjs [top N, default 5]
import { applyScenario, buildScenario, loadBundledGraph, servedDemand } from "chokepoint";

const top = Number(process.argv[2] ?? 5);
const graph = loadBundledGraph("rare-earths-2025");

// Served demand per consumer in the baseline (nothing removed, pipeline facilities left out).
const baseline = await servedDemand(graph, applyScenario(graph, buildScenario({ name: "baseline" })));

// Countries with at least one facility (a country that only consumes cannot hurt anybody else).
const countries = new Set(
  graph.filterNodes((_id, a) => !a.demand).map((id) => graph.getNodeAttribute(id, "country")),
);

const damage = [];
for (const country of [...countries].sort()) {
  const scenario = buildScenario({ name: `no-${country}`, remove: [`country=${country}`] });
  const flow = await servedDemand(graph, applyScenario(graph, scenario));
  // Compare only consumers outside the removed country: its own consumers are gone with it.
  const before = baseline.consumers.filter((c) => c.country !== country).reduce((t, c) => t + c.served, 0);
  damage.push({ country, lost: before - flow.totalServed, share: (before - flow.totalServed) / before });
}
// Rank by the demand lost, ties by country code, so the order never depends on file order.
damage.sort((a, b) => b.lost - a.lost || (a.country < b.country ? -1 : 1));

console.log(`Rest-of-world magnet demand lost when one country drops out (of ${countries.size} countries):`);
for (const [i, d] of damage.slice(0, top).entries())
  console.log(
    `${i + 1}. ${d.country}  ${Math.round(d.lost).toLocaleString("en-US")} t/yr  (${(d.share * 100).toFixed(1)}%)`,
  );
