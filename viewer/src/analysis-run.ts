/**
 * The analysis of the scenario on screen: asks the analysis workers (`AnalysisClient`) for it when the scenario
 * changes, and keeps what has arrived (`view`), stage by stage. Stages of one request come from two workers; an
 * earlier stage never replaces a later one on screen.
 *
 * While a new graph's first frame is being drawn (`hold` … `release`), answers wait and the quick worker's request
 * too: in software WebGL the frame is drawn by the CPU, and on a machine of two cores everything else run then
 * (the quick worker's check of the file, a re-render of the panels for an early answer) delays it. The full
 * worker's request goes at once: its served demand is the answer that takes longest.
 *
 * On a graph above `STAGED_MIN_NODES` nodes the quick worker's request waits longer, until the max-total served
 * figure has come (or a new request, or the analysis's end or error). Its check of the file would share the two
 * cores with the full worker's check and LP, and meanwhile the full worker posts the quick stages itself. Measured
 * side by side on a dropped 10^4-node file (tests/bench/viewer-ab.mjs, 6 + 6 runs): served demand 4.51 → 3.81 s,
 * first drawing 1.40 → 1.30 s. A toggle made before the max-total figure waits for the quick worker's check.
 */
import type { Lever } from "../../src/levers/types.js";
import type { Scenario } from "../../src/scenario/types.js";
import { AnalysisClient } from "./analysis-client.js";
import { ANALYSIS_STAGES, type AnalysisView, servedShown, toAnalysisView } from "./analysis-view.js";
import type { WorkerResponse } from "./analysis-worker.js";
import { afterNextFrame } from "./dom.js";
import type { GraphSource } from "./graph-source.js";

/** What the run tells the app. */
export interface AnalysisRunEvents {
  /** Something arrived for the scenario on screen (a stage, or an error already reported through `failed`). */
  changed(): void;
  /** The scenario cannot be analysed (a `ChokepointError`'s message and code). */
  failed(message: string, code: string): void;
  /** A worker itself failed (not a scenario error). */
  workerFailed(message: string): void;
}

export class AnalysisRun {
  /** What has arrived of the analysis on screen (null before its first stage). */
  view: AnalysisView | null = null;
  /** A request is under way whose last stage has not arrived. */
  analysing = false;
  private readonly client: AnalysisClient;
  /** The scenario key of the last request, and of the analysis on screen with how far it has got. */
  private requestedKey: string | null = null;
  private shownKey: string | null = null;
  private shownStage = -1;
  /** Answers waiting for `release` (null: not holding). */
  private waiting: WorkerResponse[] | null = null;
  /** The quick worker's request waits past the frame, until the max-total served figure (`hold`). */
  private quickUntilTotal = false;

  /**
   * @param timings the page's timings (`ViewerHooks.timings`): `requested`, `answered`, `answeredDrawn` and one
   *   per stage are written here
   */
  constructor(
    private readonly events: AnalysisRunEvents,
    private readonly timings: Record<string, number>,
  ) {
    this.client = new AnalysisClient(
      (response) => this.received(response),
      (message) => this.events.workerFailed(message),
    );
  }

  /** The workers' graph (see `AnalysisClient.setGraph`). */
  setGraph(source: GraphSource): void {
    this.client.setGraph(source);
  }

  /** Forget the analysis on screen, the last request and the answers held for it (a new graph). */
  reset(): void {
    if (this.waiting) this.waiting = [];
    this.view = null;
    this.analysing = false;
    this.requestedKey = null;
    this.shownKey = null;
    this.shownStage = -1;
  }

  /**
   * Stop the analysis under way (a file is being read: the CPU goes to it); what has arrived stays on screen.
   * `reset` and a request start it again.
   */
  stop(): void {
    this.client.stop();
    this.requestedKey = null;
    this.analysing = false;
  }

  /**
   * Ask for the analysis of a scenario, unless it is the one asked for last (`key`: its `scenarioKey`).
   * @returns true when a request was sent
   */
  request(key: string, scenario: Scenario, lever: Lever | null): boolean {
    if (key === this.requestedKey) return false;
    if (this.waiting === null && this.quickUntilTotal) this.releaseQuick();
    this.requestedKey = key;
    this.analysing = true;
    this.timings.requested = performance.now();
    this.client.analyze(scenario, lever);
    return true;
  }

  /**
   * Hold answers and quick requests until `release` (a new graph's first frame is being drawn).
   * @param quickUntilTotal the quick worker's request waits past `release`, until the max-total served figure
   */
  hold(quickUntilTotal = false): void {
    this.waiting ??= [];
    this.quickUntilTotal = quickUntilTotal;
    this.client.holdQuick();
  }

  /** Send the quick worker's request that waited. */
  private releaseQuick(): void {
    this.quickUntilTotal = false;
    this.client.releaseQuick();
  }

  /** Take the answers that came meanwhile, in order, and send the quick request that waited (see `hold`). */
  release(): void {
    const waiting = this.waiting ?? [];
    this.waiting = null;
    if (!this.quickUntilTotal) this.client.releaseQuick();
    for (const response of waiting) this.received(response);
  }

  /** True once the per-consumer served demand of the scenario asked for last is on screen. */
  served(): boolean {
    return servedShown(this.view) && this.requestedKey === this.shownKey;
  }

  /** A response to the latest request (`AnalysisClient` drops older ones). */
  private received(response: WorkerResponse): void {
    if (this.waiting) {
      this.waiting.push(response);
      return;
    }
    if (
      this.quickUntilTotal &&
      (response.type === "error" ||
        response.data.complete ||
        ["total", "served", "ranges"].includes(response.data.stage))
    )
      this.releaseQuick();
    const key = this.requestedKey;
    if (response.type === "result") {
      const stage = ANALYSIS_STAGES.indexOf(response.data.stage);
      if (this.shownKey === key && stage <= this.shownStage) return;
      if (this.shownKey !== key) {
        // the first answer to this scenario: when it is drawn is what a user waits for after a click
        this.timings.answered = performance.now();
        afterNextFrame(() => {
          this.timings.answeredDrawn = performance.now();
        });
      }
      this.shownKey = key;
      this.shownStage = stage;
      this.timings[response.data.stage] = performance.now();
      this.view = toAnalysisView(response.data);
      this.analysing = !response.data.complete;
    } else {
      this.analysing = false;
      this.events.failed(response.message, response.code);
    }
    this.events.changed();
  }
}
