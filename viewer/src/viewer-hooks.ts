/**
 * What the page exposes on `window.__viewer` for the end-to-end tests and for debugging: read-only views of the
 * app, and the page's timings (milliseconds since navigation) that the benchmark mode prints.
 */
import type { AnalysisRun } from "./analysis-run.js";
import type { GraphView } from "./graph-view.js";
import type { LayoutName, State } from "./state.js";
import type { Timeline } from "./timeline.js";

/** Test and debugging hooks (read-only views of the app), on `window.__viewer`. */
export interface ViewerHooks {
  ready: boolean;
  /** Incremented each time an analysis result (or error) has been displayed. */
  analysed: number;
  state(): State;
  cutOff(): string[] | null;
  /** True once the slow (LP) part of the current analysis is on screen too. */
  complete(): boolean;
  /** True once the per-consumer served demand of the current scenario is on screen. */
  served(): boolean;
  /** The stage of the analysis on screen (`AnalysisStage`), null before the first. */
  stage(): string | null;
  nodePagePosition(node: string): { x: number; y: number } | null;
  pngDataUrl(): string;
  layout(): LayoutName;
  /**
   * Milliseconds since navigation at which each step ended: `dropped`, `graphChecked`, `rendererBuilt`,
   * `firstRender`, `firstDrawn` (the graph on screen), `requested`, `answered` and `answeredDrawn` (the first
   * answer to a scenario, processed and on screen), and one per analysis stage (`reach`, `structure`, `total`,
   * `served`, `complete`).
   */
  timings: Record<string, number>;
  /** Put a node at the centre of the view at a camera ratio (no animation, no selection). */
  centerOn(node: string, ratio: number): void;
  /** True once the timeline holds the simulation of the current scenario. */
  timelineReady(): boolean;
}

/** What the hooks read: the app's state, its analysis, its drawing and its timeline. */
export interface HookSources {
  state(): State;
  run: AnalysisRun;
  view: GraphView;
  timeline: Timeline;
}

/**
 * The hooks of an app (`ready` and `analysed` are the app's to update).
 * @param timings the page's timings, written by the app and its analysis run
 */
export function viewerHooks(app: HookSources, timings: Record<string, number>): ViewerHooks {
  return {
    ready: false,
    analysed: 0,
    state: () => app.state(),
    cutOff: () => app.run.view?.cutOff ?? null,
    complete: () => app.run.view?.complete === true && !app.run.analysing,
    served: () => app.run.served(),
    stage: () => app.run.view?.stage ?? null,
    nodePagePosition: (node) => app.view.nodePagePosition(node),
    pngDataUrl: () => app.view.composite()?.toDataURL("image/png") ?? "",
    layout: () => app.state().layout,
    timings,
    centerOn: (node, ratio) => app.view.centerOn(node, ratio, false),
    timelineReady: () => {
      const t = app.timeline.state();
      return t.data !== null && !t.pending;
    },
  };
}

declare global {
  interface Window {
    __viewer: ViewerHooks;
  }
}
