// Export an analysis to GEXF for Gephi (or .graphml for Cytoscape, .json): the whole graph, every node and edge
// kept, with the results as node attributes to colour and size by (consumersCutAlone, demandCutAlone,
// betweenness, supplied, ...), the scenario's removed nodes marked `scenario: removed` and its cut edges
// `removedByScenario: true`.
// Run: node examples/export-gexf.mjs [out file, default rare-earths-no-china.gexf]
import {
  analyze,
  applyScenario,
  exportResults,
  loadBundledGraph,
  loadScenario,
  nodeResultsFromAnalysis,
} from "chokepoint";

const out = process.argv[2] ?? "rare-earths-no-china.gexf";
const graph = loadBundledGraph("rare-earths-2025");
const scenario = applyScenario(graph, loadScenario("no-china"));
const result = analyze(graph, scenario);

// The file is written atomically (a temp file, then renamed): never half-written.
const written = exportResults(graph, nodeResultsFromAnalysis(result), out, {
  removedEdges: result.scenario.removedEdges,
  scenarioName: result.scenario.name,
});
const top = [...result.nodes].sort(
  (a, b) => b.demandCutAlone - a.demandCutAlone || (a.id < b.id ? -1 : 1),
)[0];
console.log(`Wrote ${written.files.join(", ")}: ${graph.order} nodes, ${graph.size} edges`);
console.log(
  `Colour by demandCutAlone: the largest is ${top.id} (${top.demandCutAlone.toLocaleString("en-US")} t/yr)`,
);
