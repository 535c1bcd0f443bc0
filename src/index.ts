/** chokepoint's library API: the data model, file I/O, scenarios and analyses. Re-exports only. */
export * from "./model/types.js";
export * from "./model/errors.js";
export { checkSerializedGraph, type GraphCheckOptions, type GraphCheckResult } from "./model/graph-checks.js";
export { isCountryCode } from "./model/countries.js";
export { parseGraph, checkGraphText, checkGraphBytes, type ParseGraphOptions } from "./io/parse-graph.js";
export { loadGraph, checkGraphFile, type LoadGraphOptions } from "./io/load-graph.js";
export {
  readGraphFile,
  checkAnyGraphFile,
  readGraphFileAsync,
  checkAnyGraphFileAsync,
} from "./io/read-graph-file.js";
export { readGraphTable, readGraphTableAsync } from "./io/read-graph-table.js";
export { writeFileAtomic } from "./io/write-atomic.js";
export { checkCsvTables, type CsvText } from "./io/formats/csv.js";
export { checkCsvFile, type CsvReadOptions } from "./io/formats/csv-files.js";
export { writeCsv } from "./io/formats/csv-write.js";
export { checkGexfFile, checkGexfText, writeGexf } from "./io/formats/gexf.js";
export { checkGraphmlFile, checkGraphmlText, writeGraphml } from "./io/formats/graphml.js";
export { checkParquetFile, checkParquetColumns } from "./io/formats/parquet-files.js";
export { writeParquet, type ParquetOutput } from "./io/formats/parquet-write.js";
export {
  writeGraphFile,
  serializeGraphJson,
  WRITABLE_FORMATS,
  type WritableFormat,
} from "./io/write-graph-file.js";
export { exportResults, nodeResultsFromAnalysis, type NodeResults } from "./io/export-results.js";
export * from "./analysis/concentration.js";
export * from "./analysis/supply.js";
export * from "./analysis/single-points-of-failure.js";
export * from "./analysis/country-failure-sets.js";
export * from "./analysis/min-failures.js";
export * from "./analysis/routes.js";
export * from "./analysis/centrality.js";
export * from "./analysis/attack-curves.js";
export * from "./analysis/analyze.js";
export {
  buildCsr,
  csrOf,
  isCsr,
  nodeAttributesOf,
  scenarioMasks,
  type Csr,
  type GraphInput,
  type Masks,
} from "./analysis/_csr.js";
export { analyzeJsonChunks, formatAnalyzeReport, type AnalyzeFormat } from "./report/analyze.js";
export { jsonChunks, type JsonChunksOptions } from "./report/json-chunks.js";
export { csvSafe, csvSafeRow } from "./io/csv-safe.js";
export { buildFlowModel, type FlowModel, type FlowEdge } from "./flow/flow-model.js";
export { loadHighs, FlowSolveError } from "./flow/_solver.js";
export { solveFlow, FLOW_OBJECTIVES, type FlowObjective, type FlowSolution } from "./flow/_solve-flow.js";
export { proportionalFlow, type FlowAllocation } from "./flow/proportional.js";
export * from "./flow/served-demand.js";
export * from "./flow/flow-chokepoints.js";
export * from "./flow/flow-attack.js";
export * from "./flow/survival.js";
export * from "./flow/losses.js";
export * from "./flow/flow-analysis.js";
export * from "./compare/country-metrics.js";
export * from "./compare/compare.js";
export * from "./compare/lever-contributions.js";
export * from "./compare/mirror-levers.js";
export * from "./compare/project-ranking.js";
export * from "./levers/types.js";
export * from "./levers/apply-lever.js";
export { loadLever, parseLever, bundledLeverNames, bundledLeverDir } from "./io/load-lever.js";
export * from "./report/charts.js";
