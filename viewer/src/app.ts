/**
 * The viewer's controller: owns the state history, the current graph, the analysis workers, the timeline and the
 * panels; the drawing is `GraphView`'s, the loading of files `GraphFiles`'. Named actions go through `dispatch`;
 * every change ends with one `render()` that updates the panels, refreshes the drawing (through the reducers) and
 * the URL hash.
 */
import { checkGraphText } from "../../src/io/parse-graph.js";
import type { SupplyGraph } from "../../src/model/types.js";
import { ANALYSIS_STAGES, type AnalysisView, servedShown, toAnalysisView } from "./analysis-view.js";
import { AnalysisClient } from "./analysis-client.js";
import type { WorkerResponse } from "./analysis-worker.js";
import { bundledGraphNames, bundledGraphText, findPreset, PRESETS } from "./data.js";
import type { DisplayInputs } from "./display-diff.js";
import { afterNextFrame, el } from "./dom.js";
import { downloadPng } from "./export-png.js";
import { buildEncodings, type Encodings } from "./encodings.js";
import { GraphFiles } from "./graph-files.js";
import type { GraphSource } from "./graph-source.js";
import { GraphView } from "./graph-view.js";
import { forceLayout } from "./layouts/force.js";
import { mapLayout } from "./layouts/map.js";
import { tierCaptions, tiersLayout } from "./layouts/tiers.js";
import type { Positions } from "./layouts/types.js";
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
import { LARGE_GRAPH_NODES } from "./settings.js";
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
import { Timeline } from "./timeline.js";
import type { ViewerHooks } from "./viewer-hooks.js";

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
  private analysis: AnalysisView | null = null;
  private analysing = false;
  private readonly view: GraphView;
  private readonly files: GraphFiles;
  private positions = new Map<LayoutName, Positions>();
  private readonly panels: Panel[];
  private readonly tooltip: Tooltip;
  private readonly messages: Messages;
  /** The quick (reachability) and full (LP) analysis workers. */
  private readonly workers: AnalysisClient;
  private readonly timeline: Timeline;
  private analysedKey: string | null = null;
  /** The scenario key of the analysis on screen, and how far it has got (index in ANALYSIS_STAGES). */
  private shownKey: string | null = null;
  private shownStage = -1;
  private hovered: string | null = null;
  private matches: ReadonlySet<string> = new Set();
  private focus: Focus = NO_FOCUS;
  private route: ReadonlySet<string> = new Set();
  private writtenHash = "";
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
        const notes = [tooltipNote(this.analysis, node), this.timeline.readout(node)].filter(
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
    this.workers = new AnalysisClient(
      (response) => this.onWorkerMessage(response),
      (message) => this.messages.error(`The analysis worker failed: ${message}`),
    );
    this.hooks = {
      ready: false,
      analysed: 0,
      state: () => this.history.present,
      cutOff: () => this.analysis?.cutOff ?? null,
      complete: () => this.analysis?.complete === true && !this.analysing,
      served: () => servedShown(this.analysis) && this.analysedKey === this.shownKey,
      stage: () => this.analysis?.stage ?? null,
      nodePagePosition: (node) => this.view.nodePagePosition(node),
      pngDataUrl: () => this.view.composite()?.toDataURL("image/png") ?? "",
      layout: () => this.history.present.layout,
      timings: {},
      centerOn: (node, ratio) => this.view.centerOn(node, ratio, false),
      timelineReady: () => {
        const t = this.timeline.state();
        return t.data !== null && !t.pending;
      },
    };
    window.__viewer = this.hooks;
    this.listen();
  }

  // ---- start-up and graphs -------------------------------------------------------------------------

  async start(): Promise<void> {
    this.hooks.timings.start ??= performance.now();
    const state = location.hash.length > 1 ? decodeHash(location.hash) : { ...DEFAULT_STATE };
    const names = bundledGraphNames();
    if (!names.includes(state.graph) && state.graph !== "local") {
      if (state.graph !== DEFAULT_STATE.graph)
        this.messages.error(
          state.graph.startsWith("file:")
            ? `The link refers to a file opened on another computer (${state.graph.slice(5)}); open it again here.`
            : `There is no bundled graph "${state.graph}"; showing ${names[0] ?? "nothing"}.`,
        );
      state.graph = names[0] ?? "";
      state.removedNodes = [];
      state.selected = null;
    }
    if (!state.graph) {
      this.messages.info("No bundled graph in this build: drop a graph file on the page, or use Open….");
      return;
    }
    const text =
      state.graph === "local" ? await this.fetchLocal() : ((await bundledGraphText(state.graph)) ?? "");
    this.loadText(text, state.graph === "local" ? "local graph" : state.graph, state);
  }

  private async fetchLocal(): Promise<string> {
    const response = await fetch("./local-graph.json");
    if (!response.ok)
      throw new Error(`cannot read the graph given to \`chokepoint view\` (${response.status})`);
    return response.text();
  }

  /**
   * Check text with the library's loader (bundled graphs and the one `chokepoint view` serves); on errors list
   * them and keep the current graph. A graph too large to draw gets the aggregate-or-draw question.
   */
  private loadText(text: string, title: string, state: State): void {
    const result = checkGraphText(text, { file: title });
    const errors = result.problems.filter((p) => p.severity === "error");
    if (!result.graph || errors.length > 0) {
      this.messages.loadProblems(title, result.problems);
      return;
    }
    const source: GraphSource = { kind: "bytes", bytes: new TextEncoder().encode(text), file: title };
    if (result.graph.order > LARGE_GRAPH_NODES) this.files.offer(result.graph, title, state, source);
    else this.setGraph(result.graph, title, state, source);
  }

  loadBundled(name: string): void {
    void bundledGraphText(name).then((text) => {
      if (text === null) this.messages.error(`There is no bundled graph "${name}".`);
      else this.loadText(text, name, setGraph(this.history.present, name));
    });
  }

  /** A file the user dropped or opened: checked in the loader worker, drawn as soon as it is checked. */
  loadFile(file: File): void {
    this.hooks.timings.dropped = performance.now();
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

  /** `FileTarget`: the workers check a dropped file while the page does (null: back to the graph shown). */
  prefetch(source: GraphSource | null): void {
    if (source) {
      this.workers.setGraph(source, true);
      this.timeline.stop();
      return;
    }
    if (!this.shownSource || !this.graph) return;
    this.workers.setGraph(this.shownSource);
    this.timeline.setGraph(this.shownSource, this.graph.order);
    // the analysis of the graph on screen was stopped for the file: run it again, its stages shown as they come
    this.analysedKey = null;
    this.shownKey = null;
    this.shownStage = -1;
    this.runAnalysis();
  }

  /** `FileTarget`: a large file is being checked; the analyses of the graph on screen stop meanwhile. */
  quiet(): void {
    this.workers.stop();
    this.timeline.stop();
  }

  /** Show a graph; `source` is what the workers load (the file's bytes), an export of `graph` when absent. */
  private setGraph(graph: SupplyGraph, title: string, state: State, source?: GraphSource): void {
    this.aggregated = title.endsWith("(aggregated)");
    // a drill-down belongs to the aggregate it came from; whoever shows an aggregate sets it again
    this.files.forget();
    this.graph = graph;
    this.graphTitle = graph.getAttribute("name") ? `${graph.getAttribute("name")}` : title;
    this.encodings = buildEncodings(graph);
    this.positions = new Map();
    this.positions.set("map", mapLayout(graph));
    this.positions.set(
      "tiers",
      tiersLayout(
        graph,
        this.encodings.countries.map((c) => c.country),
      ),
    );
    this.analysis = null;
    this.analysedKey = null;
    this.shownKey = null;
    this.shownStage = -1;
    // ids from a link that this graph does not have: say so and drop them
    const unknown = state.removedNodes.filter((n) => !graph.hasNode(n));
    if (unknown.length) this.messages.error(`Not in this graph, ignored: ${unknown.join(", ")}`);
    let next: State = { ...state, removedNodes: state.removedNodes.filter((n) => graph.hasNode(n)) };
    let located = 0;
    graph.forEachNode((_n, a) => {
      if (typeof a.lat === "number" && typeof a.lon === "number") located++;
    });
    if (located === 0 && next.layout === "map") {
      // a map without a single placed node says nothing: start on the tiers
      next = { ...next, layout: "tiers" };
      this.messages.info("This graph has no coordinates (lat/lon): showing the tiers layout.");
    }
    if (next.selected !== null && !graph.hasNode(next.selected)) next = select(next, null);
    this.history = createHistory(next);
    this.hooks.timings.graphChecked = performance.now();
    const shared = source ?? { kind: "serialized", graph: graph.export() };
    this.shownSource = shared;
    this.workers.setGraph(shared);
    this.timeline.setGraph(shared, graph.order);
    // Draw first (positions are set before sigma's one indexation), analyse after: the analyses arrive as
    // messages and only re-colour what they change.
    this.hovered = null;
    this.matches = new Set();
    this.focus = focusOf(graph, this.analysis, next.selected);
    this.route = new Set();
    this.view.setAppearance(this.appearance(), true);
    const captions = tierCaptions(graph, this.positions.get("tiers")!);
    this.view.show(
      graph,
      this.positions.get(next.layout) ?? this.positions.get("tiers")!,
      () => (this.history.present.layout === "tiers" ? captions : []),
      () => this.history.present.layout === "map",
    );
    this.hooks.timings.rendererBuilt = performance.now();
    if (next.layout === "force") this.computeForce();
    this.runAnalysis();
    this.render();
    this.hooks.timings.firstRender = performance.now();
    // the time a user waits for the drawing: the frame after this one has been committed (in software WebGL
    // the commit waits for the GPU process to draw the canvases)
    afterNextFrame(() => {
      this.hooks.timings.firstDrawn = performance.now();
    });
  }

  // ---- layouts --------------------------------------------------------------------------------------

  private applyLayout(layout: LayoutName, animate: boolean): void {
    const positions = this.positions.get(layout);
    if (!positions) {
      if (layout === "force") this.computeForce();
      return;
    }
    this.view.applyLayout(positions, animate);
  }

  private computeForce(): void {
    const graph = this.graph!;
    this.messages.info("Computing the force layout (ForceAtlas2, in a worker)…");
    forceLayout(graph, this.positions.get("tiers")!)
      .then((positions) => {
        if (graph !== this.graph) return;
        this.positions.set("force", positions);
        this.messages.clear();
        if (this.history.present.layout === "force") this.applyLayout("force", true);
      })
      .catch((e: Error) => this.messages.error(e.message));
  }

  // ---- analyses -------------------------------------------------------------------------------------

  private runAnalysis(): void {
    const state = this.history.present;
    const key = scenarioKey(state);
    if (key === this.analysedKey) return;
    this.analysedKey = key;
    const preset = findPreset(state.preset);
    const scenario = scenarioFromState(state, preset?.lever ? null : (preset?.scenario ?? null));
    this.analysing = true;
    this.hooks.timings.requested = performance.now();
    this.workers.analyze(scenario, preset?.lever ?? null);
    this.timeline.simulate(scenario, preset?.lever ?? null);
  }

  /** A response to the latest request (`AnalysisClient` drops older ones). */
  private onWorkerMessage(response: WorkerResponse): void {
    // Stages of one request come from two workers: an earlier stage never replaces a later one on screen.
    const key = scenarioKey(this.history.present);
    if (response.type === "result") {
      const stage = ANALYSIS_STAGES.indexOf(response.data.stage);
      if (this.shownKey === key && stage <= this.shownStage) return;
      if (this.shownKey !== key) {
        // the first answer to this scenario: when it is drawn is what a user waits for after a click
        this.hooks.timings.answered = performance.now();
        afterNextFrame(() => {
          this.hooks.timings.answeredDrawn = performance.now();
        });
      }
      this.shownKey = key;
      this.shownStage = stage;
    }
    this.analysing = false;
    if (response.type === "error") {
      this.messages.error(`This scenario cannot be analysed: ${response.message} [${response.code}]`);
      // go back to the last state that worked (or the baseline), without a redo entry for the broken one
      const failed = scenarioKey(this.history.present);
      const previous = this.history.past[this.history.past.length - 1];
      const back = previous ?? resetScenario(this.history.present);
      this.history = { past: this.history.past.slice(0, -1), present: back, future: [] };
      if (scenarioKey(back) !== failed) {
        this.analysedKey = null;
        this.runAnalysis();
      }
    } else {
      this.hooks.timings[response.data.stage] = performance.now();
      this.analysis = toAnalysisView(response.data);
      this.analysing = !response.data.complete;
    }
    this.hooks.analysed++;
    this.render();
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
    this.focus = focusOf(this.graph, this.analysis, state.selected);
    this.route = routeEdges(this.graph, this.analysis?.consumers.get(state.selected ?? "")?.route ?? null);
    const view: View = {
      state,
      graph: this.graph,
      graphTitle: this.graphTitle,
      encodings: this.encodings,
      analysis: this.analysis,
      analysing: this.analysing,
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
    const yearly = analysisMarks(this.analysis);
    const atDay = this.timeline.marks();
    this.view.setMarks(atDay ? { ...yearly, ...atDay } : yearly);
    const hash = encodeHash(state);
    if (hash !== location.hash) {
      this.writtenHash = hash;
      window.history.replaceState(null, "", hash);
    }
    this.hooks.ready = this.analysis !== null;
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
      nodeOut: this.analysis?.nodeOut ?? NO_ITEMS,
      edgeOut: this.analysis?.edgeOut ?? NO_ITEMS,
      focus: this.focus,
      route: this.route,
    };
    const context = {
      graph: this.graph!,
      state,
      encodings: this.encodings!,
      analysis: this.analysis,
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
