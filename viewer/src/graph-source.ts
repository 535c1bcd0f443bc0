/**
 * How the page hands a graph to its workers. A dropped file goes as a `Blob` of the bytes the page read (posting a
 * Blob passes a handle, not the data: the page's thread copies nothing for each worker) and each worker reads and
 * checks it with the library's loader itself, off the main thread: a structured clone of a 10^4-node graphology
 * export costs the page about 0.3-0.7 s per worker. The Blob is made of the page's bytes, never the `File` itself:
 * a file changed on disk after the drop would otherwise give the workers another graph than the one drawn.
 * Graphs the page built itself (an aggregate, a drill-down) are small and go as an export.
 */
import { DirectedGraph } from "graphology";
import type { SerializedGraph } from "graphology-types";
import { checkGraphBytes, graphOrThrow } from "../../src/io/parse-graph.js";
import type { SupplyGraph } from "../../src/model/types.js";

export type GraphSource =
  | { kind: "bytes"; bytes: Uint8Array; file: string }
  | { kind: "blob"; blob: Blob; file: string }
  | { kind: "serialized"; graph: SerializedGraph };

/**
 * The graph of a source (bytes are checked again: the worker trusts nothing it did not check).
 * @throws GraphFileError when the bytes are not a valid graph file
 */
export async function graphFromSource(source: GraphSource): Promise<SupplyGraph> {
  if (source.kind === "serialized") return DirectedGraph.from(source.graph) as SupplyGraph;
  const bytes = source.kind === "bytes" ? source.bytes : new Uint8Array(await source.blob.arrayBuffer());
  return graphOrThrow(checkGraphBytes(bytes, { file: source.file }), source.file);
}
