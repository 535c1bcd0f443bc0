/** chokepoint's library API: the data model, file I/O, scenarios and analyses. Re-exports only. */
export * from "./model/types.js";
export * from "./model/errors.js";
export { checkSerializedGraph, type GraphCheckOptions, type GraphCheckResult } from "./model/graph-checks.js";
export { isCountryCode } from "./model/countries.js";
export { parseGraph, checkGraphText, checkGraphBytes, type ParseGraphOptions } from "./io/parse-graph.js";
export { loadGraph, checkGraphFile, type LoadGraphOptions } from "./io/load-graph.js";
export { readGraphFile, checkAnyGraphFile } from "./io/read-graph-file.js";
export { writeFileAtomic } from "./io/write-atomic.js";
export * from "./analysis/concentration.js";
