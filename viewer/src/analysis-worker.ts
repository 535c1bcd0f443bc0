/**
 * The analysis worker: holds the current graph (and its integer view, built once) and runs the library's
 * analyses off the main thread. The page runs two: one for the quick phase (reachability, then single points of
 * failure and routes: milliseconds) and one for the full phase (HiGHS LPs, country sets: seconds), which the page
 * terminates when the user moves on before it ends. Each stage is posted as soon as it is ready.
 */
import type { Csr } from "../../src/analysis/_csr.js";
import { buildCsr } from "../../src/analysis/_csr.js";
import type { SupplyGraph } from "../../src/model/types.js";
import { loadHighs } from "../../src/flow/_solver.js";
import { ChokepointError } from "../../src/model/errors.js";
import type { Lever } from "../../src/levers/types.js";
import type { Scenario } from "../../src/scenario/types.js";
import { analyzeForViewer } from "./analysis.js";
import type { AnalysisData } from "./analysis-view.js";
import { type GraphSource, graphFromSource } from "./graph-source.js";
import { stopCheck, WorkStopped } from "./stop-token.js";

export type WorkerRequest =
  | { type: "graph"; source: GraphSource }
  | {
      type: "analyze";
      id: number;
      scenario: Scenario;
      lever: Lever | null;
      phase: "quick" | "full";
      /** The full phase posts the quick phase's stages too (the quick worker's request is held). */
      early?: boolean;
      /** The page revokes this token to stop the request's work (`stop-token.ts`). */
      stop?: string;
    };

export type WorkerResponse =
  | { type: "result"; id: number; data: AnalysisData }
  | { type: "error"; id: number; code: string; message: string };

/** The graph of the last "graph" message, checked once, by the first request for it. */
let source: GraphSource | null = null;
let loaded: Promise<{ graph: SupplyGraph; csr: Csr }> | null = null;

function loadedGraph(): Promise<{ graph: SupplyGraph; csr: Csr }> {
  if (!source) return Promise.reject(new Error("no graph loaded"));
  loaded ??= graphFromSource(source).then((graph) => ({ graph, csr: buildCsr(graph) }));
  return loaded;
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  const post = (response: WorkerResponse) => (self as unknown as Worker).postMessage(response);
  if (request.type === "graph") {
    // checked by the first request (the page sends a graph once it has checked it itself: see graph-files.ts)
    source = request.source;
    loaded = null;
    return;
  }
  // The full phase needs HiGHS: its WebAssembly compiles (on V8's background threads) while the graph is
  // checked, not after. Measured side by side on a dropped 10^4-node file (tests/bench/viewer-ab.mjs, 5 + 5
  // runs): served demand 4.83 → 4.64 s, first drawing unchanged (1.45 → 1.29 s).
  if (request.phase === "full") loadHighs().catch(() => undefined);
  try {
    const { graph, csr } = await loadedGraph();
    await analyzeForViewer(graph, request.scenario, request.lever, {
      phase: request.phase,
      early: request.early === true,
      csr,
      onStage: (data) => post({ type: "result", id: request.id, data }),
      // A task boundary between stages: a worker the page terminates stops only there (Chrome's forced stop of a
      // busy worker comes seconds later, and only once the page's thread is free), so a stale analysis does not
      // take a core from a new file's check and drawing.
      breathe: () => new Promise((resolve) => setTimeout(resolve, 0)),
      // and within the long LP work, the page's stop token: it stops at once, however busy the page is
      poll: stopCheck(request.stop),
    });
  } catch (e) {
    if (e instanceof WorkStopped) return; // the page has moved on: nothing to say

    const code = e instanceof ChokepointError ? e.code : "E_VIEWER_ANALYSIS";
    post({ type: "error", id: request.id, code, message: (e as Error).message });
  }
};
