/**
 * How the page hands a graph to its workers. A file's bytes are posted as they are (a copy of one buffer, a few
 * milliseconds) and each worker checks them with the library's loader itself, off the main thread: a structured
 * clone of a 10^4-node graphology export costs the page about 0.3-0.7 s per worker. Graphs the page built itself
 * (an aggregate, a drill-down) are small and go as an export.
 */
import { DirectedGraph } from "graphology";
import type { SerializedGraph } from "graphology-types";
import { checkGraphBytes, graphOrThrow } from "../../src/io/parse-graph.js";
import type { SupplyGraph } from "../../src/model/types.js";

export type GraphSource =
  | { kind: "bytes"; bytes: Uint8Array; file: string }
  | { kind: "serialized"; graph: SerializedGraph };

/** The graph of a source (bytes are checked again: the worker trusts nothing it did not check). */
export function graphFromSource(source: GraphSource): SupplyGraph {
  if (source.kind === "serialized") return DirectedGraph.from(source.graph) as SupplyGraph;
  return graphOrThrow(checkGraphBytes(source.bytes, { file: source.file }), source.file);
}
