/**
 * The analysis worker: holds the current graph (and its integer view, built once) and runs the library's
 * analyses off the main thread. The page runs two: one for the quick phase (reachability, then single points of
 * failure and routes: milliseconds) and one for the full phase (HiGHS LPs, country sets: seconds), which the page
 * terminates when the user moves on before it ends. Each stage is posted as soon as it is ready.
 */
import type { Csr } from "../../src/analysis/_csr.js";
import { buildCsr } from "../../src/analysis/_csr.js";
import type { SupplyGraph } from "../../src/model/types.js";
import { ChokepointError } from "../../src/model/errors.js";
import type { Lever } from "../../src/levers/types.js";
import type { Scenario } from "../../src/scenario/types.js";
import { analyzeForViewer } from "./analysis.js";
import type { AnalysisData } from "./analysis-view.js";
import { type GraphSource, graphFromSource } from "./graph-source.js";

export type WorkerRequest =
  | { type: "graph"; source: GraphSource; checkNow?: boolean }
  | { type: "analyze"; id: number; scenario: Scenario; lever: Lever | null; phase: "quick" | "full" };

export type WorkerResponse =
  | { type: "result"; id: number; data: AnalysisData }
  | { type: "error"; id: number; code: string; message: string };

let graph: SupplyGraph | null = null;
let csr: Csr | null = null;
let source: GraphSource | null = null;

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  const post = (response: WorkerResponse) => (self as unknown as Worker).postMessage(response);
  if (request.type === "graph") {
    // checked when first needed (a request may already be queued behind this message), or at once when the page
    // sends a dropped file's bytes before it has checked them itself: both checks then run side by side
    source = request.source;
    graph = null;
    csr = null;
    if (request.checkNow) {
      try {
        graph = graphFromSource(source);
        csr = buildCsr(graph);
      } catch {
        // the page's own check reports the file's problems; a request for this graph would report it again
        graph = null;
        csr = null;
      }
    }
    return;
  }
  try {
    if (!source) throw new Error("no graph loaded");
    graph ??= graphFromSource(source);
    csr ??= buildCsr(graph);
    await analyzeForViewer(graph, request.scenario, request.lever, {
      phase: request.phase,
      csr,
      onStage: (data) => post({ type: "result", id: request.id, data }),
    });
  } catch (e) {
    const code = e instanceof ChokepointError ? e.code : "E_VIEWER_ANALYSIS";
    post({ type: "error", id: request.id, code, message: (e as Error).message });
  }
};
