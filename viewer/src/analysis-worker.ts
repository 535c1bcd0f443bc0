/**
 * The analysis worker: holds the current graph and runs the library's analyses off the main thread. The page runs
 * two: one for the quick phase (reachability, single points of failure, routes: milliseconds) and one for the
 * full phase (HiGHS LPs, country sets: seconds), which the page terminates when the user moves on before it ends.
 */
import { DirectedGraph } from "graphology";
import type { SerializedGraph } from "graphology-types";
import type { SupplyGraph } from "../../src/model/types.js";
import { ChokepointError } from "../../src/model/errors.js";
import type { Lever } from "../../src/levers/types.js";
import type { Scenario } from "../../src/scenario/types.js";
import { analyzeForViewer } from "./analysis.js";
import type { AnalysisData } from "./analysis-view.js";

export type WorkerRequest =
  | { type: "graph"; graph: SerializedGraph }
  | { type: "analyze"; id: number; scenario: Scenario; lever: Lever | null; phase: "quick" | "full" };

export type WorkerResponse =
  | { type: "result"; id: number; data: AnalysisData }
  | { type: "error"; id: number; code: string; message: string };

let graph: SupplyGraph | null = null;

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  const post = (response: WorkerResponse) => (self as unknown as Worker).postMessage(response);
  if (request.type === "graph") {
    graph = DirectedGraph.from(request.graph) as SupplyGraph;
    return;
  }
  try {
    if (!graph) throw new Error("no graph loaded");
    const data = await analyzeForViewer(graph, request.scenario, request.lever, { phase: request.phase });
    post({ type: "result", id: request.id, data });
  } catch (e) {
    const code = e instanceof ChokepointError ? e.code : "E_VIEWER_ANALYSIS";
    post({ type: "error", id: request.id, code, message: (e as Error).message });
  }
};
