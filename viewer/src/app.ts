/**
 * The viewer's controller: owns the state history, the current graph, the timeline and the panels; the drawing is
 * `GraphView`'s, the analysis of the scenario on screen `AnalysisRun`'s, the loading of files `GraphFiles'`, the
 * layouts `Layouts'` and the start state `startState`'s. Named actions go through `dispatch`; every change ends
 * with one `render()` that updates the panels, refreshes the drawing (through the reducers) and the URL hash. A
 * new graph's first frame comes before everything else (see `setGraph`).
 */
import type { Lever } from "../../src/levers/types.js";
import type { SupplyGraph } from "../../src/model/types.js";
import type { Scenario } from "../../src/scenario/types.js";
import { AnalysisRun } from "./analysis-run.js";
import { bundledGraphNames, bundledGraphText, findPreset, localGraphText, PRESETS } from "./data.js";
import type { DisplayInputs } from "./display-diff.js";
import { afterNextFrame, el } from "./dom.js";
import { downloadPng } from "./export-png.js";
import { buildEncodings, type Encodings } from "./encodings.js";
import { GraphFiles } from "./graph-files.js";
import type { GraphSource } from "./graph-source.js";
import { GraphView } from "./graph-view.js";
import { forceLayout } from "./layouts/force.js";
import { Layouts } from "./layouts/layouts.js";
import { analysisMarks } from "./marks-layer.js";
import { listenToPage } from "./page-input.js";
import { comparePanel } from "./panels/compare.js";
import { controlsPanel } from "./panels/controls.js";
import { detailsPanel } from "./panels/details.js";
import { impactPanel } from "./panels/impact.js";
import { legendPanel } from "./panels/legend.js";
import { Messages } from "./panels/messages.js";
import { scenarioPanel } from "./panels/scenario.js";
import { searchPanel } from "./panels/search.js";
import { timelinePanel } from "./panels/timeline.js";
import { Tooltip, tooltipNote } from "./panels/tooltip.js";
import type { Actions, Panel, View } from "./panels/types.js";
import { type Focus, focusOf, NO_FOCUS, routeEdges } from "./reducers.js";
import { STAGED_MIN_NODES } from "./settings.js";
import {
  commit,
  createHistory,
  DEFAULT_STATE,
  decodeHash,
  encodeHash,
  type History,
  type LayoutName,
  redo,
  replace,
  resetScenario,
  type State,
  scenarioFromState,
  scenarioKey,
  select,
  setGraph,
  toggleNode,
  undo,
} from "./state.js";
import { startState } from "./start-state.js";
import { Timeline } from "./timeline.js";
import { type ViewerHooks, viewerHooks } from "./viewer-hooks.js";

export interface AppElements {
  left: HTMLElement;
  right: HTMLElement;
  graph: HTMLElement;
  banner: HTMLElement;
  tooltip: HTMLElement;
  legend: HTMLElement;
  /** Under the graph: the timeline of the simulation. */
  timeline: HTMLElement;
}

const NO_ITEMS: ReadonlySet<string> = new Set();

export class App implements Actions {
  private history: History = createHistory(DEFAULT_STATE);
  private graph: SupplyGraph | null = null;
  private graphTitle = "";
  private aggregated = false;
  private encodings: Encodings | null = null;
  private readonly view: GraphView;
  private readonly files: GraphFiles;
  /** The positions of the graph shown in each layout. */
  private layouts: Layouts | null = null;
  private readonly panels: Panel[];
  private readonly tooltip: Tooltip;
  private readonly messages: Messages;
  /** The analysis of the scenario on screen, by the quick (reachability) and full (LP) analysis workers. */
  private readonly run: AnalysisRun;
  private readonly timeline: Timeline;
  private hovered: string | null = null;
  private matches: ReadonlySet<string> = new Set();
  private focus: Focus = NO_FOCUS;
  private route: ReadonlySet<string> = new Set();
  private writtenHash = "";
  /** The large-graph programs have been drawn with once (`GraphView.warmUp`). */
  private warmedUp = false;
  private readonly hooks: ViewerHooks;
  /** What the analysis workers load for the graph on screen. */
  private shownSource: GraphSource | null = null;

  constructor(elements: AppElements) {
    this.messages = new Messages(elements.banner);
    this.files = new GraphFiles(this, this.messages);
    this.view = new GraphView(elements.graph, {
      clickNode: (node, shift) => {
        if (shift) this.dispatch((s) => toggleNode(s, node), { undoable: true });
        else this.dispatch((s) => select(s, s.selected === node ? null : node));
      },
      clickStage: () => this.dispatch((s) => select(s, null)),
      enterNode: (node, x, y) => {
        this.hovered = node;
        const notes = [tooltipNote(this.run.view, node), this.timeline.readout(node)].filter(
          (n) => n !== null,
        );
        if (this.graph) this.tooltip.show(this.graph, node, x, y, notes.length ? notes.join(" · ") : null);
        this.refreshDisplay();
      },
      leaveNode: () => {
        this.hovered = null;
        this.tooltip.hide();
        this.refreshDisplay();
      },
    });
    this.timeline = new Timeline(() => this.render());
    this.tooltip = new Tooltip(elements.tooltip);
    const search = el("div", { id: "search-box" });
    elements.left.append(search);
    this.panels = [
      searchPanel(search, this),
      controlsPanel(elements.left, this),
      scenarioPanel(elements.left, this),
      detailsPanel(elements.right, this),
      impactPanel(elements.right, this),
      comparePanel(elements.right, this),
      legendPanel(elements.legend),
      timelinePanel(elements.timeline, this.timeline),
    ];
    // search first in the column, above the controls
    elements.left.prepend(search);
    const timings: Record<string, number> = {};
    this.run = new AnalysisRun(
      {
        changed: () => {
          this.hooks.analysed++;
          this.render();
        },
        failed: (message, code) => this.analysisFailed(message, code),
        workerFailed: (message) => this.messages.error(`The analysis worker failed: ${message}`),
      },
      timings,
    );
    this.hooks = viewerHooks(
      { state: () => this.history.present, run: this.run, view: this.view, timeline: this.timeline },
      timings,
    );
    window.__viewer = this.hooks;
    this.listen();
  }

  // ---- start-up and graphs -------------------------------------------------------------------------

  async start(): Promise<void> {
    this.hooks.timings.start ??= performance.now();
    const { state, problem } = startState(location.hash, bundledGraphNames());
    if (problem) this.messages.error(problem);
    if (!state.graph) {
      this.messages.info("No bundled graph in this build: drop a graph file on the page, or use Open….");
      return;
    }
    const text =
      state.graph === "local" ? await localGraphText() : ((await bundledGraphText(state.graph)) ?? "");
    this.files.loadText(text, state.graph === "local" ? "local graph" : state.graph, state);
  }

  loadBundled(name: string): void {
    void bundledGraphText(name).then((text) => {
      if (text === null) this.messages.error(`There is no bundled graph "${name}".`);
      else this.files.loadText(text, name, setGraph(this.history.present, name));
    });
  }

  /**
   * A file the user dropped or opened: the analyses of the graph on screen stop at once (their CPU goes to the
   * file), then it is checked and drawn as soon as it is (`GraphFiles`).
   */
  loadFile(file: File): void {
    this.hooks.timings.dropped = performance.now();
    this.quiet();
    const state = setGraph(this.history.present, `file:${file.name}`);
    void this.files.load(file, state);
  }

  drillDown(group: string): void {
    this.files.drillDown(group);
  }

  /** `FileTarget`: show a checked graph. */
  show(graph: SupplyGraph, title: string, state: State, source?: GraphSource): void {
    this.setGraph(graph, title, state, source);
  }

  /** `FileTarget`: the file was not shown after all: the analyses of the graph on screen start again. */
  restore(): void {
    if (!this.shownSource || !this.graph) return;
    // the workers still hold the graph on screen (they get a file once the page has checked it); its analysis
    // was stopped for the file: run it again, its stages shown as they come
    this.run.reset();
    this.timeline.setGraph(this.shownSource, this.graph.order);
    this.runAnalysis();
  }

  /** `FileTarget`: a file is being read; the analyses of the graph on screen stop meanwhile. */
  quiet(): void {
    this.run.stop();
    this.timeline.stop();
  }

  /** Show a graph; `source` is what the workers load (the file's bytes), an export of `graph` when absent. */
  private setGraph(graph: SupplyGraph, title: string, state: State, source?: GraphSource): void {
    this.aggregated = title.endsWith("(aggregated)");
    // not ready until this graph is drawn and analysed: the flag must not stay true from the graph before it
    // while the panels wait for the new graph's first frame
    this.hooks.ready = false;
    // a drill-down belongs to the aggregate it came from; whoever shows an aggregate sets it again
    this.files.forget();
    this.graph = graph;
    this.graphTitle = graph.getAttribute("name") ? `${graph.getAttribute("name")}` : title;
    this.encodings = buildEncodings(graph);
    this.layouts = new Layouts(graph, this.encodings);
    // ids from a link that this graph does not have: say so and drop them
    const unknown = state.removedNodes.filter((n) => !graph.hasNode(n));
    if (unknown.length) this.messages.error(`Not in this graph, ignored: ${unknown.join(", ")}`);
    let next: State = { ...state, removedNodes: state.removedNodes.filter((n) => graph.hasNode(n)) };
    if (next.layout === "map" && !this.layouts.located()) {
      // a map without a single placed node says nothing: start on the tiers
      next = { ...next, layout: "tiers" };
      this.messages.info("This graph has no coordinates (lat/lon): showing the tiers layout.");
    }
    if (next.selected !== null && !graph.hasNode(next.selected)) next = select(next, null);
    this.history = createHistory(next);
    this.hooks.timings.graphChecked = performance.now();
    const shared = source ?? { kind: "serialized", graph: graph.export() };
    this.shownSource = shared;
    this.run.setGraph(shared);
    this.run.reset();
    this.run.hold(graph.order > STAGED_MIN_NODES);
    this.timeline.setGraph(shared, graph.order);
    // Draw first (positions are set before sigma's one indexation), analyse after: the analyses arrive as
    // messages and only re-colour what they change.
    this.hovered = null;
    this.matches = new Set();
    this.focus = NO_FOCUS;
    this.route = new Set();
    this.view.setAppearance(this.appearance(), true);
    const layouts = this.layouts;
    this.view.show(
      graph,
      layouts.get(next.layout) ?? layouts.tiers(),
      () => (this.history.present.layout === "tiers" ? layouts.captions() : []),
      () => this.history.present.layout === "map",
    );
    this.hooks.timings.rendererBuilt = performance.now();
    this.requestAnalysis(next);
    this.hooks.timings.firstRender = performance.now();
    // The time a user waits for the drawing: the frame after this one has been committed (in software WebGL
    // the commit waits for the GPU process to draw the canvases). Until then nothing else runs: the panels,
    // the answers that came, the quick worker's check, the timeline and the force layout follow the frame.
    afterNextFrame(() => {
      this.hooks.timings.firstDrawn = performance.now();
      if (graph !== this.graph) return;
      this.run.release();
      this.simulateTimeline(this.history.present);
      if (this.history.present.layout === "force") this.computeForce();
      this.render();
      // the large-graph programs are made ready for a dropped file once the first graph has been drawn
      if (!this.warmedUp) {
        this.warmedUp = true;
        afterNextFrame(() => this.view.warmUp());
      }
    });
  }

  // ---- layouts --------------------------------------------------------------------------------------

  private applyLayout(layout: LayoutName, animate: boolean): void {
    const positions = this.layouts?.get(layout);
    if (!positions) {
      if (layout === "force") this.computeForce();
      return;
    }
    this.view.applyLayout(positions, animate);
  }

  private computeForce(): void {
    const graph = this.graph!;
    const layouts = this.layouts!;
    this.messages.info("Computing the force layout (ForceAtlas2, in a worker)…");
    forceLayout(graph, layouts.tiers())
      .then((positions) => {
        if (graph !== this.graph) return;
        layouts.setForce(positions);
        this.messages.clear();
        if (this.history.present.layout === "force") this.applyLayout("force", true);
      })
      .catch((e: Error) => this.messages.error(e.message));
  }

  // ---- analyses -------------------------------------------------------------------------------------

  /** The scenario of a state, and the lever of its preset. */
  private scenarioOf(state: State): { scenario: Scenario; lever: Lever | null } {
    const preset = findPreset(state.preset);
    const scenario = scenarioFromState(state, preset?.lever ? null : (preset?.scenario ?? null));
    return { scenario, lever: preset?.lever ?? null };
  }

  /** Ask the workers for the analysis of a state's scenario (nothing when it is the one asked for last). */
  private requestAnalysis(state: State): boolean {
    const { scenario, lever } = this.scenarioOf(state);
    return this.run.request(scenarioKey(state), scenario, lever);
  }

  private simulateTimeline(state: State): void {
    const { scenario, lever } = this.scenarioOf(state);
    this.timeline.simulate(scenario, lever);
  }

  /** Analyse the scenario on screen, and simulate its timeline, unless they are already under way. */
  private runAnalysis(): void {
    const state = this.history.present;
    if (this.requestAnalysis(state)) this.simulateTimeline(state);
  }

  /** The scenario on screen cannot be analysed: say so and go back to the last state that worked. */
  private analysisFailed(message: string, code: string): void {
    this.messages.error(`This scenario cannot be analysed: ${message} [${code}]`);
    // go back to the last state that worked (or the baseline), without a redo entry for the broken one
    const previous = this.history.past[this.history.past.length - 1];
    const back = previous ?? resetScenario(this.history.present);
    this.history = { past: this.history.past.slice(0, -1), present: back, future: [] };
    this.runAnalysis();
  }

  // ---- actions --------------------------------------------------------------------------------------

  dispatch(action: (state: State) => State, options: { undoable?: boolean } = {}): void {
    const before = this.history.present;
    const next = action(before);
    this.history = options.undoable ? commit(this.history, next) : replace(this.history, next);
    this.afterChange(before);
  }

  undo(): void {
    const before = this.history.present;
    this.history = undo(this.history);
    this.afterChange(before);
  }

  redo(): void {
    const before = this.history.present;
    this.history = redo(this.history);
    this.afterChange(before);
  }

  private afterChange(before: State): void {
    const now = this.history.present;
    if (now.graph !== before.graph && this.graph) {
      // undo across a graph change is not offered: the graph picker starts a new history
      this.loadBundled(now.graph);
      return;
    }
    if (now.layout !== before.layout) this.applyLayout(now.layout, true);
    this.runAnalysis();
    this.render();
  }

  zoomToFit(): void {
    this.view.zoomToFit();
  }

  focusNode(node: string): void {
    if (!this.graph?.hasNode(node)) return;
    this.dispatch((s) => select(s, node));
    this.view.centerOn(node, 0.35, true);
  }

  setMatches(nodes: readonly string[]): void {
    this.matches = new Set(nodes);
    this.refreshDisplay();
  }

  exportPng(): void {
    const canvas = this.view.composite();
    if (!canvas) return;
    downloadPng(canvas, `chokepoint-${this.history.present.graph.replace(/[^\w.-]+/g, "_")}.png`);
  }

  // ---- rendering ------------------------------------------------------------------------------------

  private render(): void {
    if (!this.graph || !this.encodings) return;
    const state = this.history.present;
    this.focus = focusOf(this.graph, this.run.view, state.selected);
    this.route = routeEdges(this.graph, this.run.view?.consumers.get(state.selected ?? "")?.route ?? null);
    const view: View = {
      state,
      graph: this.graph,
      graphTitle: this.graphTitle,
      encodings: this.encodings,
      analysis: this.run.view,
      analysing: this.run.analysing,
      canUndo: this.history.past.length > 0,
      canRedo: this.history.future.length > 0,
      graphNames: bundledGraphNames(),
      presets: PRESETS,
      aggregated: this.aggregated,
      timeline: this.timeline.state(),
    };
    for (const panel of this.panels) panel.update(view);
    this.refreshDisplay();
    // with the timeline moved, the served share and stock left at the period shown replace the yearly ones
    const yearly = analysisMarks(this.run.view);
    const atDay = this.timeline.marks();
    this.view.setMarks(atDay ? { ...yearly, ...atDay } : yearly);
    const hash = encodeHash(state);
    if (hash !== location.hash) {
      this.writtenHash = hash;
      window.history.replaceState(null, "", hash);
    }
    this.hooks.ready = this.run.view !== null;
  }

  /** What the reducers read now. */
  private appearance() {
    const state = this.history.present;
    const inputs: DisplayInputs = {
      colorBy: state.colorBy,
      sizeBy: state.sizeBy,
      selected: state.selected,
      hovered: this.hovered,
      matches: this.matches,
      nodeOut: this.run.view?.nodeOut ?? NO_ITEMS,
      edgeOut: this.run.view?.edgeOut ?? NO_ITEMS,
      focus: this.focus,
      route: this.route,
    };
    const context = {
      graph: this.graph!,
      state,
      encodings: this.encodings!,
      analysis: this.run.view,
      hovered: this.hovered,
      focus: this.focus,
      matches: this.matches,
    };
    return { context, route: this.route, inputs };
  }

  /** Refresh the drawing for what changed since the last refresh. */
  private refreshDisplay(): void {
    if (!this.graph || !this.encodings) return;
    this.view.setAppearance(this.appearance());
    this.view.refresh(this.graph);
  }

  private listen(): void {
    window.addEventListener("hashchange", () => {
      if (location.hash === this.writtenHash) return;
      const next = decodeHash(location.hash);
      if (next.graph !== this.history.present.graph) {
        void this.start();
        return;
      }
      this.dispatch(() => next, { undoable: true });
    });
    listenToPage(this);
  }
}
