// Japan vs the US under a China cut-off, across three networks: 2010, 2025, and 2025 with the pipeline due by
// 2028 online. One `compareResilience` call: a column per network, a row of metrics per country.
// Run: node examples/japan-vs-us.mjs
import {
  buildScenario,
  compareResilience,
  composeScenarios,
  loadBundledGraph,
  loadScenario,
} from "chokepoint";

const noChina = loadScenario("no-china");
const columns = [
  {
    graph: loadBundledGraph("rare-earths-2010"),
    file: "rare-earths-2010.json",
    scenario: noChina,
    label: "2010",
  },
  {
    graph: loadBundledGraph("rare-earths-2025"),
    file: "rare-earths-2025.json",
    scenario: noChina,
    label: "2025",
  },
  {
    graph: loadBundledGraph("rare-earths-2025"),
    file: "rare-earths-2025.json",
    // The same cut-off, with every facility due by 2028 brought online.
    scenario: composeScenarios([noChina, buildScenario({ name: "pipeline-2028", year: 2028 })]),
    label: "2028 pipeline",
  },
];

// Only what is printed: served demand under max-total, no robustness (an N-1 sweep per country and column).
const comparison = await compareResilience(columns, ["JP", "US"], {
  robustness: false,
  objectives: ["max-total"],
});

/** @param {number | undefined} x */
const pct = (x) => (x === undefined ? "-" : `${(x * 100).toFixed(1)}%`);
console.log("Share of demand served without China (max-total), and consumers cut off");
console.log(["country", ...comparison.columns.map((c) => c.label)].join("\t"));
for (const [k, country] of comparison.countries.entries()) {
  const cells = comparison.metrics.map((column) => {
    const m = column[k];
    return `${pct(m.servedFraction["max-total"])} (${m.cutOff.length} cut off)`;
  });
  console.log([country, ...cells].join("\t"));
}
