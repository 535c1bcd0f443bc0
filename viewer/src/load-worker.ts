/**
 * The loader worker for files too large to check on the main thread (`LARGE_FILE_BYTES`): it checks the bytes
 * with the library's loader, keeps the graph, and hands the page only what it draws: the graph itself when it is
 * small enough, else its size (the page asks whether to aggregate), then the aggregate by country and stage, or
 * one super-node's facilities (`drillDown`). A 10^5-node graph never reaches the main thread, so the page stays
 * responsive while the file is checked.
 */
import type { SerializedGraph } from "graphology-types";
import { checkGraphBytesParts } from "../../src/io/parse-graph.js";
import type { CheckedGraph } from "../../src/model/_checked.js";
import { graphFromParts } from "../../src/model/graph-checks.js";
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
  | { type: "graph"; graph: SerializedGraph; warnings: number; kind: "full" | "aggregate" | "drill" };

/** The checked file, kept as parts: the graphology graph is built only when the page draws it whole. */
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
    if (graph.nodes.size > request.maxNodes)
      post({ type: "large", order: graph.nodes.size, size: graph.edges.length, warnings });
    else post({ type: "graph", graph: graphFromParts(graph).export(), warnings, kind: "full" });
    return;
  }
  if (!graph) return;
  if (request.type === "aggregate")
    post({ type: "graph", graph: aggregateByCountryStage(graph).export(), warnings, kind: "aggregate" });
  else if (request.type === "full")
    post({ type: "graph", graph: graphFromParts(graph).export(), warnings, kind: "full" });
  else {
    const sub = drillDown(graph, request.group);
    if (sub) post({ type: "graph", graph: sub.export(), warnings, kind: "drill" });
  }
};
