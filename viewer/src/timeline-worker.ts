/**
 * The timeline worker: holds the current graph and runs the library's `simulate` (a year in weekly periods) on
 * the page's scenario, off the main thread and apart from the analysis workers, so the yearly analysis never
 * waits for it. Posts `toTimelineData` of the result.
 */
import type { Lever } from "../../src/levers/types.js";
import { ChokepointError } from "../../src/model/errors.js";
import type { SupplyGraph } from "../../src/model/types.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import type { Scenario } from "../../src/scenario/types.js";
import { simulate } from "../../src/simulate/simulate.js";
import { leveredInputs } from "./analysis.js";
import { type GraphSource, graphFromSource } from "./graph-source.js";
import { stopCheck, WorkStopped } from "./stop-token.js";
import { type TimelineData, toTimelineData } from "./timeline-view.js";

export type TimelineRequest =
  | { type: "graph"; source: GraphSource }
  | {
      type: "simulate";
      id: number;
      scenario: Scenario;
      lever: Lever | null;
      /** The page revokes this token to stop the simulation (`stop-token.ts`). */
      stop?: string;
    };

export type TimelineResponse =
  | { type: "result"; id: number; data: TimelineData }
  | { type: "error"; id: number; code: string; message: string };

let fileGraph: SupplyGraph | null = null;
let source: GraphSource | null = null;

self.onmessage = async (event: MessageEvent<TimelineRequest>) => {
  const request = event.data;
  const post = (response: TimelineResponse) => (self as unknown as Worker).postMessage(response);
  if (request.type === "graph") {
    source = request.source;
    fileGraph = null;
    return;
  }
  try {
    if (!source) throw new Error("no graph loaded");
    fileGraph ??= await graphFromSource(source);
    const { graph, scenario } = leveredInputs(fileGraph, request.scenario, request.lever);
    // a simulation is one long task: it checks the page's stop token as it goes (see stop-token.ts)
    const sim = await simulate(graph, applyScenario(graph, scenario), {
      onProgress: stopCheck(request.stop),
    });
    post({ type: "result", id: request.id, data: toTimelineData(sim) });
  } catch (e) {
    if (e instanceof WorkStopped) return; // the page has moved on

    const code = e instanceof ChokepointError ? e.code : "E_VIEWER_TIMELINE";
    post({ type: "error", id: request.id, code, message: (e as Error).message });
  }
};
