// Which capacity, added where, restores a consumer? The LP's duals answer it: each binding capacity in
// `servedDemand(...).bottlenecks` has a shadow price, the demand served per extra tonne of that capacity.
// The network serves the consumer alone here (every other consumer set aside), so the duals speak for it.
// A dual holds only until another limit binds, so: raise the dearest bottleneck by what its dual says is
// missing, re-solve, repeat.
// Run: node examples/cheapest-fix.mjs [consumer id, default toyota] [scenario, default no-china]
import {
  applyScenario,
  buildScenario,
  composeScenarios,
  loadBundledGraph,
  loadScenario,
  servedDemand,
} from "chokepoint";

const target = process.argv[2] ?? "toyota";
const disruption = loadScenario(process.argv[3] ?? "no-china");
const graph = loadBundledGraph("rare-earths-2025"); // a graphology graph: we raise capacities on it directly

const others = graph.filterNodes((id, a) => id !== target && (a.demand ?? 0) > 0);
const alone = buildScenario({ name: `${target}-alone`, remove: others.map((node) => ({ node })) });
const scenario = composeScenarios([disruption, alone]);
const demand = graph.hasNode(target) ? (graph.getNodeAttribute(target, "demand") ?? 0) : 0;
if (demand <= 0) {
  console.error(`${target}: not a consumer of the graph (no node with that id and a demand)`);
  process.exit(2);
}

const served = async () => (await servedDemand(graph, applyScenario(graph, scenario))).consumers[0].served;
let now = await served();
console.log(
  `${target} under ${disruption.name}: ${Math.round(now).toLocaleString("en-US")} of ${demand.toLocaleString("en-US")} t/yr served`,
);

let added = 0;
for (let step = 1; step <= 10 && demand - now > 1e-6; step++) {
  const flow = await servedDemand(graph, applyScenario(graph, scenario));
  const best = flow.bottlenecks.find((b) => (b.shadowPrice ?? 0) > 0);
  const price = best?.shadowPrice ?? 0;
  if (!best || price <= 0) {
    console.log("No capacity binds: what is missing has no route at all (analyze lists what it lacks).");
    break;
  }
  const raise = (demand - now) / price;
  const where = best.kind === "node" ? best.id : `${best.source} -> ${best.target}`;
  if (best.kind === "node") graph.updateNodeAttribute(best.id, "capacity", (c) => (c ?? 0) + raise);
  else graph.updateEdgeAttribute(best.id, "capacity", (c) => (c ?? 0) + raise);
  added += raise;
  now = await served();
  console.log(
    `${step}. +${raise.toFixed(1)} t/yr at ${where} (dual ${price.toFixed(2)}): ${((now / demand) * 100).toFixed(1)}% served`,
  );
}
console.log(
  `${target}: ${((now / demand) * 100).toFixed(1)}% served after adding ${added.toFixed(1)} t/yr of capacity`,
);
