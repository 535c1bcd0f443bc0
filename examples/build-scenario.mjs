// Build a scenario in code: China's April 2025 export controls (Announcement 18) at their harshest (no licences:
// Dy/Tb oxide and metal, NdFeB magnets, Y and Gd oxide, Sm metal and SmCo magnets leave China for nobody) plus an outage of Lynas, the only large Dy/Tb
// separator outside China. Then: who is cut off, and how much of each country's demand is still served.
// Run: node examples/build-scenario.mjs
import {
  analyze,
  applyScenario,
  buildScenario,
  composeScenarios,
  loadBundledGraph,
  servedDemand,
} from "chokepoint";

const graph = loadBundledGraph("rare-earths-2025");

// Cuts in the CLI's text form: FROM>TO:material, `*` = any other country.
const controls = buildScenario({
  name: "hre-controls",
  cut: [
    "CN>*:DyTb-oxide",
    "CN>*:DyTb-metal",
    "CN>*:NdFeB-magnet",
    "CN>*:Y-oxide",
    "CN>*:Gd-oxide",
    "CN>*:Sm-metal",
    "CN>*:SmCo-magnet",
  ],
});
// Selectors as objects work too; every selector must match at least one node, or applyScenario throws.
const lynas = buildScenario({ name: "lynas-outage", remove: [{ operator: "Lynas Rare Earths" }] });
const scenario = applyScenario(graph, composeScenarios([controls, lynas]));

const result = analyze(graph, scenario);
console.log(
  `Scenario ${scenario.name}: ${scenario.removedNodes.length} facilities removed, ${scenario.removedEdges.length} links cut`,
);
console.log(`Cut off: ${result.unsupplied.join(", ")}`);

const flow = await servedDemand(graph, scenario);
for (const [country, c] of Object.entries(flow.countries))
  if (c.fraction < 1)
    console.log(
      `${country} served ${(c.fraction * 100).toFixed(1)}% of ${c.demand.toLocaleString("en-US")} t/yr`,
    );
