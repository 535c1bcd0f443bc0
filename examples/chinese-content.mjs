// How Chinese is each magnet plant outside China, by value, and which of its exports would Announcement 61's
// foreign-made rule (a licence when Chinese content is worth 0.1% or more of the item's value) stop?
// Content is tracked by proportional mixing on the baseline volumes (docs/scenarios.md, "Origin rules").
// Run: node examples/chinese-content.mjs
import { applyScenario, contentNetworkOf, loadBundledGraph, loadScenario, originContent } from "chokepoint";

const graph = loadBundledGraph("rare-earths-2025");
// The 2025 network as it operates (pipeline and idle facilities left out), on its baseline volumes.
const network = contentNetworkOf(graph, applyScenario(graph, { name: "baseline" }));
const share = originContent(network, "CN", "value", graph.getAttribute("materials"));

console.log("magnet plant\tcountry\tChinese content (value)");
const plants = graph
  .nodes()
  .map((id, i) => ({ id, i, a: graph.getNodeAttributes(id) }))
  .filter(({ a }) => a.stage === "magnet" && a.country !== "CN")
  // largest content first, ties by id, so the order never depends on file order
  .sort((p, q) => share[q.i] - share[p.i] || (p.id < q.id ? -1 : 1));
for (const { id, i, a } of plants) console.log(`${id}\t${a.country}\t${(share[i] * 100).toFixed(2)}%`);

// The bundled scenario turns the rule into cuts; sum what it stops by exporting and importing country.
const applied = applyScenario(graph, loadScenario("china-announcement-61-foreign-made"));
const trade = new Map();
for (const rule of applied.originCuts) {
  for (const e of rule.edges) {
    const pair = `${graph.getNodeAttribute(e.source, "country")}>${graph.getNodeAttribute(e.target, "country")}`;
    trade.set(pair, (trade.get(pair) ?? 0) + e.volume);
  }
}
console.log("\nstopped by the foreign-made rule (t/yr of baseline trade)");
for (const [pair, volume] of [...trade].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)))
  console.log(`${pair}\t${volume.toLocaleString("en-US")}`);
