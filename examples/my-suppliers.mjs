// Your own suppliers, from a spreadsheet: examples/my-suppliers/ holds nodes.csv, edges.csv and graph.csv for
// a fictional motor maker, Acme Drives, and its magnet supply chain (two tier-1 magnet makers, their metal,
// oxide and ore). Which suppliers can the plant not lose today, and what if China drops out?
// Run: node examples/my-suppliers.mjs [folder with nodes.csv and edges.csv]
import { fileURLToPath } from "node:url";
import {
  applyScenario,
  buildScenario,
  countryFailureSets,
  readGraphFile,
  servedDemand,
  singlePointsOfFailure,
} from "chokepoint";

// A folder is read as CSV tables; readGraphFile also reads .json, .gexf and .graphml, with the same checks.
const folder = process.argv[2] ?? fileURLToPath(new URL("./my-suppliers/", import.meta.url));
const graph = readGraphFile(folder);
/** @param {string} id */
const label = (id) => graph.getNodeAttribute(id, "label");

// Today: nothing removed.
const today = applyScenario(graph, buildScenario({ name: "today" }));
for (const c of singlePointsOfFailure(graph, today).consumers)
  console.log(
    `${label(c.id)} today: single points of failure: ${c.singlePointsOfFailure.map(label).join(", ") || "none"}`,
  );
for (const c of countryFailureSets(graph, today, { maxSetSize: 2 }).consumers)
  console.log(
    `  countries (up to 2) whose loss cuts it off: ${c.countryFailureSets.map((s) => s.join("+")).join(", ")}`,
  );

// Without China: what the plant still gets, and what now holds it up.
const noChina = applyScenario(graph, buildScenario({ name: "no-china", remove: ["country=CN"] }));
const flow = await servedDemand(graph, noChina);
const spof = singlePointsOfFailure(graph, noChina);
for (const c of flow.consumers)
  console.log(
    `${c.label} without China: ${c.served} of ${c.demand} t/yr served (${(c.fraction * 100).toFixed(1)}%)`,
  );
for (const b of flow.bottlenecks) console.log(`  limited by ${label(b.id)}: ${b.capacity} t/yr`);
for (const c of spof.consumers)
  console.log(`  single points of failure: ${c.singlePointsOfFailure.map(label).join(", ")}`);
