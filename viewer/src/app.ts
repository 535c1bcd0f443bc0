/**
 * The viewer's controller: owns the state history, the current graph, the sigma renderer and its layers, the
 * analysis worker and the panels. Named actions go through `dispatch`; every change ends with one `render()`
 * that refreshes sigma (through the reducers), the panels and the URL hash.
 */
import { DirectedGraph } from "graphology";
import Sigma from "sigma";
import { EdgeLineProgram } from "sigma/rendering";
import { animateNodes } from "sigma/utils";
import { checkGraphText } from "../../src/io/parse-graph.js";
import type { SupplyGraph } from "../../src/model/types.js";
import { aggregateByCountryStage, drillDown } from "./aggregate.js";
import { ANALYSIS_STAGES, type AnalysisView, servedShown, toAnalysisView } from "./analysis-view.js";
import { AnalysisClient } from "./analysis-client.js";
import type { WorkerResponse } from "./analysis-worker.js";
import { bundledGraphNames, bundledGraphText, checkUserFile, findPreset, PRESETS } from "./data.js";
import { type DisplayInputs, displayChanges } from "./display-diff.js";
import type { GraphSource } from "./graph-source.js";
import type { LoadRequest, LoadResponse } from "./load-worker.js";
import { el } from "./dom.js";
import { compositeCanvas, downloadPng } from "./export-png.js";
import { buildEncodings, type Encodings } from "./encodings.js";
import { forceLayout } from "./layouts/force.js";
import { mapLayout } from "./layouts/map.js";
import { tierCaptions, tiersLayout } from "./layouts/tiers.js";
import type { Positions } from "./layouts/types.js";
import { MapLayer } from "./map-layer.js";
import { analysisMarks, MarksLayer } from "./marks-layer.js";
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
import {
  edgeAppearance,
  type Focus,
  focusOf,
  NO_FOCUS,
  nodeAppearance,
  type ReducerContext,
  routeEdges,
} from "./reducers.js";
import {
  LARGE_FILE_BYTES,
  LARGE_GRAPH_EDGE_TYPE,
  LARGE_GRAPH_NODES,
  SIGMA_SETTINGS,
  STAGED_MIN_NODES,
} from "./settings.js";
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
  /** Milliseconds since navigation at which each start-up step ended. */
  timings: Record<string, number>;
  /** Put a node at the centre of the view at a camera ratio (no animation, no selection). */
  centerOn(node: string, ratio: number): void;
  /** True once the timeline holds the simulation of the current scenario. */
  timelineReady(): boolean;
}

declare global {
  interface Window {
    __viewer: ViewerHooks;
  }
}

const NO_ITEMS: ReadonlySet<string> = new Set();

/** Run `f` once the next frame is on screen (two animation frames: the second starts after the first's commit). */
function afterNextFrame(f: () => void): void {
  requestAnimationFrame(() => requestAnimationFrame(f));
}

export class App implements Actions {
  private history: History = createHistory(DEFAULT_STATE);
  private graph: SupplyGraph | null = null;
  private graphTitle = "";
  private aggregated = false;
  /** Drill down into a super-node of the aggregate on screen (null when none is shown). */
  private drill: ((group: string) => void) | null = null;
  /** Back from a drill-down to its aggregate. */
  private backToAggregate: (() => void) | null = null;
  /** The worker that checks large files and hands out aggregates and drill-downs. */
  private loader: Worker | null = null;
  private encodings: Encodings | null = null;
  private analysis: AnalysisView | null = null;
  private analysing = false;
  private renderer: Sigma | null = null;
  private display: DirectedGraph | null = null;
  private mapLayer: MapLayer | null = null;
  private marksLayer: MarksLayer | null = null;
  private positions = new Map<LayoutName, Positions>();
  private readonly panels: Panel[];
  private readonly tooltip: Tooltip;
  private readonly messages: Messages;
  /** Quick phase (reachability): answers in milliseconds. */
  /** Full phase (LPs): replaced when a newer scenario arrives while it is busy. */
  private readonly workers: AnalysisClient;
  private readonly timeline: Timeline;
  private analysedKey: string | null = null;
  /** The scenario key of the analysis on screen, and how far it has got (index in ANALYSIS_STAGES). */
  private shownKey: string | null = null;
  private shownStage = -1;
  /** What the reducers read at the last refresh (sigma re-processes only what changed since). */
  private drawnInputs: DisplayInputs | null = null;
  private reducerContext: ReducerContext | null = null;
  /** The edge program of the graph shown (none: sigma's default arrows). */
  private edgeType: { type?: string } = {};
  private hovered: string | null = null;
  private matches: ReadonlySet<string> = new Set();
  private focus: Focus = NO_FOCUS;
  private route: ReadonlySet<string> = new Set();
  private writtenHash = "";
  private readonly hooks: ViewerHooks;

  constructor(private readonly elements: AppElements) {
    this.messages = new Messages(elements.banner);
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
      nodePagePosition: (node) => this.nodePagePosition(node),
      pngDataUrl: () =>
        this.renderer ? compositeCanvas(this.renderer, this.elements.graph).toDataURL("image/png") : "",
      layout: () => this.history.present.layout,
      timings: {},
      centerOn: (node, ratio) => {
        const d = this.renderer?.getNodeDisplayData(node);
        if (!d) return;
        this.renderer?.getCamera().setState({ x: d.x, y: d.y, ratio });
        this.renderer?.refresh(); // render now: positions and picking follow the new camera at once
      },
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

  /** Check text with the library's loader; on errors list them and keep the current graph. */
  private loadText(text: string, title: string, state: State): void {
    const result = checkGraphText(text, { file: title });
    const errors = result.problems.filter((p) => p.severity === "error");
    if (!result.graph || errors.length > 0) {
      this.messages.loadProblems(title, result.problems);
      return;
    }
    this.setGraph(result.graph, title, state, false, {
      kind: "bytes",
      bytes: new TextEncoder().encode(text),
      file: title,
    });
  }

  loadBundled(name: string): void {
    void bundledGraphText(name).then((text) => {
      if (text === null) this.messages.error(`There is no bundled graph "${name}".`);
      else this.loadText(text, name, setGraph(this.history.present, name));
    });
  }

  loadFile(file: File): void {
    this.hooks.timings.dropped = performance.now();
    if (file.size > LARGE_FILE_BYTES) {
      void this.loadLargeFile(file);
      return;
    }
    void checkUserFile(file).then((result) => {
      const errors = result.problems.filter((p) => p.severity === "error");
      if (!result.graph || errors.length > 0) {
        this.messages.loadProblems(file.name, result.problems);
        return;
      }
      this.setGraph(result.graph, file.name, setGraph(this.history.present, `file:${file.name}`), false, {
        kind: "bytes",
        bytes: result.bytes,
        file: file.name,
      });
      const warnings = result.problems.length;
      if (warnings > 0)
        this.messages.info(
          `${file.name} loaded with ${warnings} warning${warnings === 1 ? "" : "s"} (see validate).`,
        );
    });
  }

  /**
   * A file too large to check here: the loader worker checks it and keeps the graph; the page gets the graph, or
   * its size and then the aggregate the user picks, and drill-downs into the aggregate's super-nodes.
   */
  private async loadLargeFile(file: File): Promise<void> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const name = file.name;
    const state = setGraph(this.history.present, `file:${name}`);
    this.loader?.terminate();
    const loader = new Worker(new URL("./load-worker.ts", import.meta.url), { type: "module" });
    this.loader = loader;
    const ask = (request: LoadRequest) => loader.postMessage(request);
    this.messages.info(`Checking ${name} (${(bytes.length / 1e6).toFixed(0)} MB)…`);
    let aggregate: SupplyGraph | null = null;
    loader.onerror = (event) => this.messages.error(`${name} could not be read: ${event.message}`);
    loader.onmessage = (event: MessageEvent<LoadResponse>) => {
      const response = event.data;
      if (response.type === "problems") {
        this.messages.loadProblems(name, response.problems);
        return;
      }
      if (response.type === "large") {
        this.messages.choose(
          `${name} has ${response.order.toLocaleString("en-US")} nodes and ${response.size.toLocaleString("en-US")} ` +
            "edges: drawing it takes a while and shows little. Aggregate it (one node per country and stage; " +
            "recipes are dropped, so analyses become coarse; select a super-node to drill down into its " +
            "facilities) or draw it anyway?",
          [
            {
              id: "aggregate",
              label: "Aggregate by country and stage",
              run: () => ask({ type: "aggregate" }),
            },
            { id: "draw-anyway", label: "Draw anyway", run: () => ask({ type: "full" }) },
          ],
        );
        return;
      }
      const graph = DirectedGraph.from(response.graph) as SupplyGraph;
      if (response.kind === "full") {
        this.setGraph(graph, name, state, true, { kind: "bytes", bytes, file: name });
        if (response.warnings > 0) this.messages.info(`${name} loaded with ${response.warnings} warnings.`);
      } else if (response.kind === "aggregate") {
        aggregate = graph;
        this.setGraph(graph, `${name} (aggregated)`, state, true);
        this.drill = (group) => ask({ type: "drill", group });
      } else {
        const back = aggregate;
        this.setGraph(graph, `${name}: ${graph.getAttribute("name") ?? "drill-down"}`, state, true);
        this.offerBack(back, name, state, (group) => ask({ type: "drill", group }));
      }
    };
    ask({ type: "load", bytes: bytes.slice(), file: name, maxNodes: LARGE_GRAPH_NODES });
  }

  /** After a drill-down: say what the graph is, and offer the way back to the aggregate. */
  private offerBack(
    aggregate: SupplyGraph | null,
    title: string,
    state: State,
    drill: (group: string) => void,
  ): void {
    if (!aggregate) return;
    this.backToAggregate = () => {
      this.setGraph(aggregate, `${title} (aggregated)`, state, true);
      this.drill = drill;
    };
    this.messages.choose(
      "Drilled down: one super-node's facilities with their direct suppliers and customers. Analyses here see " +
        "only these nodes: a supplier at the border is taken as a source.",
      [{ id: "back-to-aggregate", label: "Back to the aggregate", run: () => this.backToAggregate?.() }],
    );
  }

  drillDown(group: string): void {
    this.drill?.(group);
  }

  /** Show a graph; `source` is what the workers load (the file's bytes), an export of `graph` when absent. */
  private setGraph(
    graph: SupplyGraph,
    title: string,
    state: State,
    force = false,
    source?: GraphSource,
  ): void {
    if (graph.order > LARGE_GRAPH_NODES && !force) {
      this.messages.choose(
        `${title} has ${graph.order.toLocaleString("en-US")} nodes and ${graph.size.toLocaleString("en-US")} edges: ` +
          "drawing it takes a while and shows little. Aggregate it (one node per country and stage; recipes are " +
          "dropped, so analyses become coarse) or draw it anyway?",
        [
          {
            id: "aggregate",
            label: "Aggregate by country and stage",
            run: () => {
              this.setGraph(aggregateByCountryStage(graph), `${title} (aggregated)`, state, true);
              const drill = (group: string) => {
                const sub = drillDown(graph, group);
                if (!sub) return;
                this.setGraph(sub, `${title}: ${sub.getAttribute("name") ?? group}`, state, true);
                this.offerBack(aggregateByCountryStage(graph), title, state, drill);
              };
              this.drill = drill;
            },
          },
          {
            id: "draw-anyway",
            label: "Draw anyway",
            run: () => this.setGraph(graph, title, state, true, source),
          },
        ],
      );
      return;
    }
    this.aggregated = title.endsWith("(aggregated)");
    // a drill-down belongs to the aggregate it came from; whoever shows an aggregate sets it again
    this.drill = null;
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
    this.workers.setGraph(shared);
    this.timeline.setGraph(shared, graph.order);
    // Draw first (positions are set before sigma's one indexation), analyse after: the analyses arrive as
    // messages and only re-colour what they change.
    this.buildRenderer();
    this.renderer?.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
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

  /**
   * Show the current graph in sigma. The renderer is made once and handed each new graph (`setGraph`): a new
   * one would create WebGL contexts and compile every shader program again, which in software WebGL held the
   * first frame of a dropped 10^4-node graph for seconds.
   */
  private buildRenderer(): void {
    this.mapLayer?.kill();
    this.marksLayer?.kill();
    const graph = this.graph!;
    // what the reducers read, for this graph: nothing hovered or matched, no analysis yet
    this.hovered = null;
    this.matches = new Set();
    this.focus = focusOf(graph, null, this.history.present.selected);
    this.route = new Set();
    const display = new DirectedGraph({ multi: false, allowSelfLoops: false });
    // The display graph holds positions only; appearance comes from the reducers (domain attributes such as a
    // `type` field would collide with sigma's reserved ones).
    graph.forEachNode((id) => display.addNode(id, { x: 0, y: 0 }));
    graph.forEachEdge((e, _a, s, t) => display.addDirectedEdgeWithKey(e, s, t));
    const layout = this.positions.get(this.history.present.layout) ?? this.positions.get("tiers")!;
    for (const [id, p] of layout) display.mergeNodeAttributes(id, p);
    this.display = display;
    this.updateContext();
    // above STAGED_MIN_NODES edges are 1-pixel lines (see LARGE_GRAPH_EDGE_TYPE)
    this.edgeType = graph.order > STAGED_MIN_NODES ? { type: LARGE_GRAPH_EDGE_TYPE } : {};
    const renderer = this.renderer ?? this.createRenderer(display);
    if (renderer.getGraph() !== display) renderer.setGraph(display);
    // sigma applied the reducers to every item: the next refresh starts from what it drew
    this.drawnInputs = this.displayInputs();
    const captions = tierCaptions(graph, this.positions.get("tiers")!);
    this.mapLayer = new MapLayer(
      renderer,
      () => this.history.present.layout === "map",
      () => (this.history.present.layout === "tiers" ? captions : []),
    );
    this.marksLayer = new MarksLayer(renderer);
  }

  /** The one sigma renderer of the page, with its reducers and event handlers (they read the current graph). */
  private createRenderer(display: DirectedGraph): Sigma {
    // one context per refresh, not one per item (the reducers run for every node and edge)
    const ctx = (): ReducerContext => this.reducerContext!;
    const renderer = new Sigma(display, this.elements.graph, {
      ...SIGMA_SETTINGS,
      edgeProgramClasses: { [LARGE_GRAPH_EDGE_TYPE]: EdgeLineProgram },
      nodeReducer: (node, data) => ({ ...data, ...nodeAppearance(ctx(), node) }),
      edgeReducer: (edge, data) => ({
        ...data,
        ...edgeAppearance(ctx(), edge, this.route),
        ...this.edgeType,
      }),
    });
    this.renderer = renderer;
    renderer.on("clickNode", ({ node, event }) => {
      if (event.original.shiftKey) this.dispatch((s) => toggleNode(s, node), { undoable: true });
      else this.dispatch((s) => select(s, s.selected === node ? null : node));
    });
    renderer.on("clickStage", () => this.dispatch((s) => select(s, null)));
    renderer.on("enterNode", ({ node, event }) => {
      this.hovered = node;
      const notes = [tooltipNote(this.analysis, node), this.timeline.readout(node)].filter((n) => n !== null);
      if (this.graph)
        this.tooltip.show(this.graph, node, event.x, event.y, notes.length ? notes.join(" · ") : null);
      this.refreshDisplay();
    });
    renderer.on("leaveNode", () => {
      this.hovered = null;
      this.tooltip.hide();
      this.refreshDisplay();
    });
    return renderer;
  }

  // ---- layouts --------------------------------------------------------------------------------------

  private applyLayout(layout: LayoutName, animate: boolean): void {
    const positions = this.positions.get(layout);
    if (!positions) {
      if (layout === "force") this.computeForce();
      return;
    }
    const display = this.display!;
    const targets: Record<string, { x: number; y: number }> = {};
    for (const [id, p] of positions) targets[id] = p;
    const done = () => {
      this.renderer?.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
      this.renderer?.refresh();
    };
    if (animate) animateNodes(display, targets, { duration: 350 }, done);
    else {
      for (const [id, p] of positions) display.mergeNodeAttributes(id, p);
      done();
    }
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
    this.renderer?.getCamera().animatedReset({ duration: 300 });
  }

  focusNode(node: string): void {
    if (!this.graph?.hasNode(node)) return;
    this.dispatch((s) => select(s, node));
    const d = this.renderer?.getNodeDisplayData(node);
    if (d) void this.renderer?.getCamera().animate({ x: d.x, y: d.y, ratio: 0.35 }, { duration: 400 });
  }

  setMatches(nodes: readonly string[]): void {
    this.matches = new Set(nodes);
    this.refreshDisplay();
  }

  exportPng(): void {
    if (!this.renderer) return;
    const name = `chokepoint-${this.history.present.graph.replace(/[^\w.-]+/g, "_")}.png`;
    downloadPng(compositeCanvas(this.renderer, this.elements.graph), name);
  }

  private nodePagePosition(node: string): { x: number; y: number } | null {
    if (!this.renderer || !this.display?.hasNode(node)) return null;
    const { x, y } = this.display.getNodeAttributes(node) as { x: number; y: number };
    const p = this.renderer.graphToViewport({ x, y });
    const r = this.elements.graph.getBoundingClientRect();
    return { x: p.x + r.left, y: p.y + r.top };
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
    this.marksLayer?.set(atDay ? { ...yearly, ...atDay } : yearly);
    const hash = encodeHash(state);
    if (hash !== location.hash) {
      this.writtenHash = hash;
      window.history.replaceState(null, "", hash);
    }
    this.hooks.ready = this.analysis !== null;
  }

  /** The reducers' context for the next refresh (state, analysis, focus, hover, matches). */
  private updateContext(): void {
    if (!this.graph || !this.encodings) return;
    this.reducerContext = {
      graph: this.graph,
      state: this.history.present,
      encodings: this.encodings,
      analysis: this.analysis,
      hovered: this.hovered,
      focus: this.focus,
      matches: this.matches,
    };
  }

  /** What the reducers read now. */
  private displayInputs(): DisplayInputs {
    const state = this.history.present;
    return {
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
  }

  /**
   * Refresh sigma for what changed since the last refresh. A large graph re-processes only the items whose
   * appearance may have changed (sigma's partial refresh keeps each item's draw order from the last full
   * indexation: a node faded by a toggle may stay drawn above a bright one until the next full refresh); a small
   * one, or a change of channel or focus, gets a full refresh.
   */
  private refreshDisplay(): void {
    const renderer = this.renderer;
    const display = this.display;
    if (!renderer || !display || !this.graph) return;
    this.updateContext();
    const inputs = this.displayInputs();
    const changes = displayChanges(this.graph, this.drawnInputs, inputs);
    this.drawnInputs = inputs;
    if (changes !== "all" && changes.nodes.size === 0 && changes.edges.size === 0) return;
    if (changes === "all" || display.order <= STAGED_MIN_NODES) renderer.refresh();
    else
      renderer.refresh({
        partialGraph: { nodes: [...changes.nodes], edges: [...changes.edges] },
        skipIndexation: true,
      });
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
