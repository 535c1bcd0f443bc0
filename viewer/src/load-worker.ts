/**
 * The loader worker: a file larger than `LARGE_FILE_BYTES` that the user drops or opens is checked here with the
 * library's loader, off the page's thread, and kept. The page gets the checked parts it builds its graph from;
 * a graph over `maxNodes` nodes is not sent: the page gets its size, asks whether to aggregate, and then gets the
 * aggregate by country and stage or one super-node's facilities (`drillDown`), so a 10^5-node graph never
 * reaches the page.
 */
import type { SerializedGraph } from "graphology-types";
import { checkGraphBytesParts } from "../../src/io/parse-graph.js";
import type { CheckedGraph } from "../../src/model/_checked.js";
import type { Problem } from "../../src/model/types.js";
import { aggregateByCountryStage, drillDown } from "./aggregate.js";

export type LoadRequest =
  | { type: "load"; bytes: Uint8Array; file: string; maxNodes: number }
  | { type: "aggregate" }
  | { type: "drill"; group: string }
  | { type: "full" };

export type LoadResponse =
  | { type: "problems"; problems: Problem[] }
  | { type: "large"; order: number; size: number; warnings: number }
  | { type: "parts"; parts: CheckedGraph; warnings: number }
  | { type: "graph"; graph: SerializedGraph; warnings: number; kind: "aggregate" | "drill" };

/** The checked file, kept as parts: graphs are built only of what the page draws. */
let graph: CheckedGraph | null = null;
let warnings = 0;

self.onmessage = (event: MessageEvent<LoadRequest>) => {
  const request = event.data;
  const post = (response: LoadResponse) => (self as unknown as Worker).postMessage(response);
  if (request.type === "load") {
    const result = checkGraphBytesParts(request.bytes, { file: request.file });
    const errors = result.problems.filter((p) => p.severity === "error");
    if (!result.parts || errors.length > 0) {
      graph = null;
      post({ type: "problems", problems: result.problems });
      return;
    }
    graph = result.parts;
    warnings = result.problems.length;
    if (graph.nodes.size > request.maxNodes) {
      post({ type: "large", order: graph.nodes.size, size: graph.edges.length, warnings });
      return;
    }
    post({ type: "parts", parts: graph, warnings });
    return;
  }
  if (!graph) return;
  if (request.type === "aggregate")
    post({ type: "graph", graph: aggregateByCountryStage(graph).export(), warnings, kind: "aggregate" });
  else if (request.type === "full") post({ type: "parts", parts: graph, warnings });
  else {
    const sub = drillDown(graph, request.group);
    if (sub) post({ type: "graph", graph: sub.export(), warnings, kind: "drill" });
  }
};
