/**
 * The drawing of the graph: the page's one sigma renderer, the positions it draws the graph at, and the layers
 * drawn with it (the world map or the tiers' column headers under the graph, the analysis marks over it). The app
 * hands it a graph, a reducer context and what the reducers read; it refreshes sigma for what changed.
 *
 * Sigma draws the app's graph itself: positions and appearance come from the reducers, and the frame of the
 * drawing (sigma's normalisation) is the positions' bounding box, set as sigma's custom bounding box since the
 * graph has no x/y attributes. Why not a display graph with x/y attributes (as before): building that copy took
 * 0.3-0.5 s in Node and 0.6-1.3 s in the page for a dropped 10^4-node file (36,000 edges), before its first
 * drawing.
 */
import { DirectedGraph } from "graphology";
import Sigma from "sigma";
import { EdgeLineProgram } from "sigma/rendering";
import type { SupplyGraph } from "../../src/model/types.js";
import { type DisplayInputs, displayChanges } from "./display-diff.js";
import { compositeCanvas } from "./export-png.js";
import type { Positions } from "./layouts/types.js";
import { type Caption, MapLayer } from "./map-layer.js";
import { type Marks, MarksLayer } from "./marks-layer.js";
import { edgeAppearance, nodeAppearance, type ReducerContext } from "./reducers.js";
import { LARGE_GRAPH_EDGE_TYPE, SIGMA_SETTINGS, STAGED_MIN_NODES } from "./settings.js";

/** What the drawing reports back to the app. */
export interface GraphViewEvents {
  clickNode(node: string, shiftKey: boolean): void;
  clickStage(): void;
  enterNode(node: string, x: number, y: number): void;
  leaveNode(): void;
}

/** What the reducers read besides the context: the selected route's edges. */
export interface Appearance {
  context: ReducerContext;
  route: ReadonlySet<string>;
  inputs: DisplayInputs;
}

/** The box around `positions` (sigma's frame of the drawing), as sigma computed it from x/y attributes. */
function boxOf(positions: Positions): { x: [number, number]; y: [number, number] } {
  if (positions.size === 0) return { x: [0, 1], y: [0, 1] };
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (const { x, y } of positions.values()) {
    if (x < xMin) xMin = x;
    if (x > xMax) xMax = x;
    if (y < yMin) yMin = y;
    if (y > yMax) yMax = y;
  }
  return { x: [xMin, xMax], y: [yMin, yMax] };
}

/** Sigma's default easing of node animations. */
const quadraticInOut = (k: number) => (k < 0.5 ? 2 * k * k : -1 + (4 - 2 * k) * k);

/** How long a change of layout moves the nodes. */
const ANIMATION_MS = 350;

export class GraphView {
  private renderer: Sigma | null = null;
  /** The graph drawn (null before the first one). */
  private graph: SupplyGraph | null = null;
  /** Where each node of `graph` is drawn now (graph coordinates; moved in place by animations). */
  private positions: Positions = new Map();
  /** Stops the layout animation under way. */
  private stopAnimation: (() => void) | null = null;
  private mapLayer: MapLayer | null = null;
  private marksLayer: MarksLayer | null = null;
  /** What the reducers read (null before the first graph). */
  private appearance: Appearance | null = null;
  /** What the reducers read at the last refresh (sigma re-processes only what changed since). */
  private drawnInputs: DisplayInputs | null = null;
  /** The edge program of the graph shown (none: sigma's default arrows). */
  private edgeType: { type?: string } = {};

  constructor(
    private readonly container: HTMLElement,
    private readonly events: GraphViewEvents,
  ) {}

  /** Show a graph at `positions` (call `setAppearance` first: sigma indexes every item with it). */
  show(graph: SupplyGraph, positions: Positions, captions: () => Caption[], isMap: () => boolean): void {
    this.killLayers();
    this.stopAnimation?.();
    const drawn: Positions = new Map();
    graph.forEachNode((id) => {
      const p = positions.get(id);
      drawn.set(id, { x: p?.x ?? 0, y: p?.y ?? 0 });
    });
    this.positions = drawn;
    this.graph = graph;
    // above STAGED_MIN_NODES edges are 1-pixel lines (see LARGE_GRAPH_EDGE_TYPE)
    this.edgeType = graph.order > STAGED_MIN_NODES ? { type: LARGE_GRAPH_EDGE_TYPE } : {};
    const renderer = this.attach(graph);
    this.mapLayer = new MapLayer(renderer, isMap, captions);
    this.marksLayer = new MarksLayer(renderer);
  }

  /** The reducers' inputs for the next refresh; the first after `show` re-processes every item. */
  setAppearance(appearance: Appearance, full = false): void {
    this.appearance = appearance;
    if (full) this.drawnInputs = null;
  }

  private attach(graph: SupplyGraph): Sigma {
    const renderer = this.renderer ?? this.createRenderer();
    // the whole graph in view, set before sigma draws it: a camera change after would draw it a second time
    renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    renderer.setCustomBBox(boxOf(this.positions));
    if (renderer.getGraph() !== graph) renderer.setGraph(graph);
    else renderer.refresh();
    // sigma applied the reducers to every item: the next refresh starts from what it drew
    this.drawnInputs = this.appearance?.inputs ?? null;
    return renderer;
  }

  /**
   * The page's one sigma renderer. It is made once and handed each new graph (`setGraph`): a new one would create
   * WebGL contexts and compile every shader program again, which in software WebGL held the first frame of a
   * dropped 10^4-node graph for seconds.
   */
  private createRenderer(): Sigma {
    // Made on an empty graph: sigma draws in its constructor, before the bounding box of the positions is set.
    // What sigma draws comes from the reducers alone (never the data's attributes: a node's `type` or `size` in a
    // file would mean something else to sigma).
    const renderer = new Sigma(new DirectedGraph(), this.container, {
      ...SIGMA_SETTINGS,
      edgeProgramClasses: { [LARGE_GRAPH_EDGE_TYPE]: EdgeLineProgram },
      nodeReducer: (node) => {
        const p = this.positions.get(node);
        const at = { x: p?.x ?? 0, y: p?.y ?? 0 };
        return this.appearance ? { ...at, ...nodeAppearance(this.appearance.context, node) } : at;
      },
      edgeReducer: (edge) =>
        this.appearance
          ? { ...edgeAppearance(this.appearance.context, edge, this.appearance.route), ...this.edgeType }
          : {},
    });
    this.renderer = renderer;
    renderer.on("clickNode", ({ node, event }) => this.events.clickNode(node, event.original.shiftKey));
    renderer.on("clickStage", () => this.events.clickStage());
    renderer.on("enterNode", ({ node, event }) => this.events.enterNode(node, event.x, event.y));
    renderer.on("leaveNode", () => this.events.leaveNode());
    return renderer;
  }

  /**
   * Refresh sigma for what changed since the last refresh. A large graph re-processes only the items whose
   * appearance may have changed (sigma's partial refresh keeps each item's draw order from the last full
   * indexation: a node faded by a toggle may stay drawn above a bright one until the next full refresh); a small
   * one, or a change of channel or focus, gets a full refresh.
   */
  refresh(graph: SupplyGraph): void {
    const renderer = this.renderer;
    if (!renderer || !this.graph || !this.appearance) return;
    const inputs = this.appearance.inputs;
    const changes = displayChanges(graph, this.drawnInputs, inputs);
    this.drawnInputs = inputs;
    if (changes !== "all" && changes.nodes.size === 0 && changes.edges.size === 0) return;
    if (changes === "all" || this.graph.order <= STAGED_MIN_NODES) renderer.refresh();
    else
      renderer.refresh({
        partialGraph: { nodes: [...changes.nodes], edges: [...changes.edges] },
        skipIndexation: true,
      });
  }

  /** Move the nodes to `positions` (animated or at once) and frame the whole graph. */
  applyLayout(positions: Positions, animate: boolean): void {
    const renderer = this.renderer;
    if (!renderer || !this.graph) return;
    this.stopAnimation?.();
    const drawn = this.positions;
    const targets = [...positions].filter(([id]) => drawn.has(id));
    const done = () => {
      for (const [id, p] of targets) drawn.set(id, { x: p.x, y: p.y });
      renderer.setCustomBBox(boxOf(drawn));
      renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
      renderer.refresh();
    };
    if (!animate) {
      done();
      return;
    }
    // as sigma's animateNodes: each frame moves every node part of the way, and the frame follows the nodes
    const starts = new Map(targets.map(([id]) => [id, drawn.get(id)!]));
    const start = performance.now();
    let frame = 0;
    const step = () => {
      const t = (performance.now() - start) / ANIMATION_MS;
      if (t >= 1) {
        this.stopAnimation = null;
        done();
        return;
      }
      const k = quadraticInOut(t);
      for (const [id, p] of targets) {
        const s = starts.get(id)!;
        drawn.set(id, { x: p.x * k + s.x * (1 - k), y: p.y * k + s.y * (1 - k) });
      }
      renderer.setCustomBBox(boxOf(drawn));
      renderer.refresh();
      frame = requestAnimationFrame(step);
    };
    this.stopAnimation = () => {
      cancelAnimationFrame(frame);
      this.stopAnimation = null;
    };
    step();
  }

  setMarks(marks: Marks): void {
    this.marksLayer?.set(marks);
  }

  zoomToFit(): void {
    this.renderer?.getCamera().animatedReset({ duration: 300 });
  }

  /** Centre the view on a node: animated to `ratio`, or at once (then drawn at once: picking follows). */
  centerOn(node: string, ratio: number, animate: boolean): void {
    const d = this.renderer?.getNodeDisplayData(node);
    if (!d) return;
    if (animate) void this.renderer?.getCamera().animate({ x: d.x, y: d.y, ratio }, { duration: 400 });
    else {
      this.renderer?.getCamera().setState({ x: d.x, y: d.y, ratio });
      this.renderer?.refresh();
    }
  }

  /** Where a node is on the page (for tests and tooltips); null when not drawn. */
  nodePagePosition(node: string): { x: number; y: number } | null {
    const at = this.positions.get(node);
    if (!this.renderer || !at) return null;
    const p = this.renderer.graphToViewport(at);
    const r = this.container.getBoundingClientRect();
    return { x: p.x + r.left, y: p.y + r.top };
  }

  /** Every layer flattened onto one canvas (null before the first drawing). */
  composite(): HTMLCanvasElement | null {
    return this.renderer ? compositeCanvas(this.renderer, this.container) : null;
  }

  private killLayers(): void {
    this.mapLayer?.kill();
    this.marksLayer?.kill();
    this.mapLayer = null;
    this.marksLayer = null;
  }
}
