// Which estimates move Japan's and the US's served share most: swing each range of the 2025 graph to its low and
// its high end, one at a time, and rerun `servedDemand` under the `no-china` scenario (the library's flow model,
// default objective). Prints a Markdown table for graphs/README.md. Run after `npm run build`:
//   node graphs/_tools/top-estimates.mjs [count]
// Only capacities, recipes and demands can move the served share (volumes, stocks and values do not enter it).
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const lib = (p) => import(join(root, "dist", "src", p));
const { loadGraph } = await lib("io/load-graph.js");
const { loadScenario } = await lib("io/load-scenario.js");
const { applyScenario } = await lib("scenario/apply-scenario.js");
const { servedDemand } = await lib("flow/served-demand.js");

const COUNTRIES = ["JP", "US"];
const MOVES = /^(capacity|demand|recipe\..+)$/;
const graph = loadGraph(join(root, "graphs", "rare-earths-2025.json"));
const scenario = loadScenario("no-china");
const shares = async (g) => {
  const r = await servedDemand(g, applyScenario(g, scenario));
  return Object.fromEntries(COUNTRIES.map((c) => [c, r.countries[c]?.fraction ?? 0]));
};
const base = await shares(graph);

/** Set one ranged number on a copy of the graph. */
function swung(kind, id, key, value) {
  const g = graph.copy();
  const attrs = kind === "node" ? g.getNodeAttributes(id) : g.getEdgeAttributes(id);
  if (key.startsWith("recipe.")) attrs.recipe = { ...attrs.recipe, [key.slice(7)]: value };
  else attrs[key] = value;
  return g;
}

const rows = [];
const items = [
  ...graph.mapNodes((id, a) => ["node", id, a]),
  ...graph.mapEdges((id, a) => ["edge", id, a]),
];
for (const [kind, id, a] of items)
  for (const [key, r] of Object.entries(a.ranges ?? {})) {
    if (!MOVES.test(key) || r.low === r.high) continue;
    const low = await shares(swung(kind, id, key, r.low));
    const high = await shares(swung(kind, id, key, r.high));
    const swing = Math.max(...COUNTRIES.flatMap((c) => [Math.abs(low[c] - base[c]), Math.abs(high[c] - base[c])]));
    rows.push({ id, key, r, low, high, swing });
  }
rows.sort((x, y) => y.swing - x.swing || (x.id < y.id ? -1 : x.id > y.id ? 1 : x.key < y.key ? -1 : 1));
const pct = (v) => `${(v * 100).toFixed(1)}%`;
const count = Number(process.argv[2] ?? 10);
console.log(`Baseline under no-china: JP ${pct(base.JP)}, US ${pct(base.US)} served (${rows.length} ranges swung).\n`);
console.log("| # | estimate | range | JP served (low / high) | US served (low / high) | why the range |");
console.log("|---|---|---|---|---|---|");
rows.slice(0, count).forEach((x, i) =>
  console.log(
    `| ${i + 1} | \`${x.id}\` ${x.key} | ${x.r.low}-${x.r.high} | ${pct(x.low.JP)} / ${pct(x.high.JP)} | ${pct(x.low.US)} / ${pct(x.high.US)} | ${x.r.why} |`,
  ),
);
