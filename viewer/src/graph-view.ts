/**
 * The drawing of the graph: the page's one sigma renderer, drawing the app's graph (positions as its nodes' x/y;
 * the appearance comes from the reducers), and the layers drawn with it (the world map or the tiers' column
 * headers under the graph, the analysis marks over it). The app hands it a graph, a reducer context and what the
 * reducers read; it refreshes sigma for what changed.
 *
 * Why positions are written into the app's graph: sigma 3 reads x/y from the graph's attributes (not from the
 * reducer) when it indexes a graph, and a separate display graph holding them cost a copy of every node and edge
 * before each first drawing (0.3-0.5 s in Node for the generated 10^4-node graph's 36,000 edges, 0.6-1.3 s in the
 * page). x and y are reserved drawing attributes (`RESERVED_DRAWING_KEYS`): no file may set them, the viewer
 * derives them.
 */
import Sigma from "sigma";
import { EdgeLineProgram, NodePointProgram } from "sigma/rendering";
import { animateNodes } from "sigma/utils";
import type { SupplyGraph } from "../../src/model/types.js";
import { type DisplayInputs, displayChanges } from "./display-diff.js";
import { compositeCanvas } from "./export-png.js";
import type { Positions } from "./layouts/types.js";
import { type Caption, MapLayer } from "./map-layer.js";
import { type Marks, MarksLayer } from "./marks-layer.js";
import { edgeAppearance, nodeAppearance, type ReducerContext } from "./reducers.js";
import {
  LARGE_GRAPH_EDGE_TYPE,
  LARGE_GRAPH_NODE_TYPE,
  SIGMA_SETTINGS,
  STAGED_MIN_NODES,
} from "./settings.js";

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

export class GraphView {
  private renderer: Sigma | null = null;
  /** The graph drawn (its nodes carry their positions as x/y). */
  private display: SupplyGraph | null = null;
  private mapLayer: MapLayer | null = null;
  private marksLayer: MarksLayer | null = null;
  /** What the reducers read (null before the first graph). */
  private appearance: Appearance | null = null;
  /** What the reducers read at the last refresh (sigma re-processes only what changed since). */
  private drawnInputs: DisplayInputs | null = null;
  /** The edge program of the graph shown (none: sigma's default arrows). */
  private edgeType: { type?: string } = {};
  /** The node program of the graph shown (none: sigma's default circles). */
  private nodeType: { type?: string } = {};

  constructor(
    private readonly container: HTMLElement,
    private readonly events: GraphViewEvents,
  ) {}

  /** Show a graph at `positions` (call `setAppearance` first: sigma indexes every item with it). */
  show(graph: SupplyGraph, positions: Positions, captions: () => Caption[], isMap: () => boolean): void {
    this.killLayers();
    const display = graph;
    // before sigma is handed the graph: it does not listen to it yet, so this is one pass and no event
    display.updateEachNodeAttributes(
      (id, a) => {
        const p = positions.get(id);
        a.x = p?.x ?? 0;
        a.y = p?.y ?? 0;
        return a;
      },
      { attributes: ["x", "y"] },
    );
    this.display = display;
    // above STAGED_MIN_NODES edges are 1-pixel lines and nodes points (see LARGE_GRAPH_EDGE_TYPE, _NODE_TYPE)
    const large = graph.order > STAGED_MIN_NODES;
    this.edgeType = large ? { type: LARGE_GRAPH_EDGE_TYPE } : {};
    this.nodeType = large ? { type: LARGE_GRAPH_NODE_TYPE } : {};
    const renderer = this.attach(display);
    this.mapLayer = new MapLayer(renderer, isMap, captions);
    this.marksLayer = new MarksLayer(renderer);
  }

  /** The reducers' inputs for the next refresh; the first after `show` re-processes every item. */
  setAppearance(appearance: Appearance, full = false): void {
    this.appearance = appearance;
    if (full) this.drawnInputs = null;
  }

  private attach(display: SupplyGraph): Sigma {
    const renderer = this.renderer ?? this.createRenderer(display);
    // the whole graph in view, set before sigma draws it: a camera change after would draw it a second time
    renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    // (the same graph again, e.g. back to an aggregate: drawn at once too, as a new one would be)
    if (renderer.getGraph() !== display) renderer.setGraph(display);
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
  private createRenderer(display: SupplyGraph): Sigma {
    const renderer = new Sigma(display, this.container, {
      ...SIGMA_SETTINGS,
      edgeProgramClasses: { [LARGE_GRAPH_EDGE_TYPE]: EdgeLineProgram },
      nodeProgramClasses: { [LARGE_GRAPH_NODE_TYPE]: NodePointProgram },
      // What sigma draws comes from the position and the reducers, never from the data's other attributes. The
      // appearance objects are fresh for each call, so they are completed in place (no copy per item).
      nodeReducer: (node, data) => {
        if (!this.appearance) return data;
        const display = nodeAppearance(this.appearance.context, node);
        display.x = data.x;
        display.y = data.y;
        if (this.nodeType.type) display.type = this.nodeType.type;
        return display;
      },
      edgeReducer: (edge, data) => {
        if (!this.appearance) return data;
        const display = edgeAppearance(this.appearance.context, edge, this.appearance.route);
        if (this.edgeType.type) display.type = this.edgeType.type;
        return display;
      },
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
    const display = this.display;
    if (!renderer || !display || !this.appearance) return;
    const inputs = this.appearance.inputs;
    const changes = displayChanges(graph, this.drawnInputs, inputs);
    this.drawnInputs = inputs;
    if (changes !== "all" && changes.nodes.size === 0 && changes.edges.size === 0) return;
    if (changes === "all" || display.order <= STAGED_MIN_NODES) renderer.refresh();
    else
      renderer.refresh({
        partialGraph: { nodes: [...changes.nodes], edges: [...changes.edges] },
        skipIndexation: true,
      });
  }

  /**
   * Draw the (small) graph on screen once with the large-graph programs and then again as it is, in one task, so
   * that only the second drawing shows. In software WebGL (SwiftShader) the first frame that uses a program pays
   * for compiling its drawing routines in the GPU process: the first drawing of a dropped 10^4-node graph, the
   * first with points and lines, took 0.7-1.8 s to commit against 0.4-0.9 s with this warm-up (alternating runs at
   * load 9-15, tests/bench/results/viewer-first-drawing.md). Done once, after the first graph is on screen.
   */
  warmUp(): void {
    const renderer = this.renderer;
    if (!renderer || !this.display || this.display.order > STAGED_MIN_NODES) return;
    const saved = [this.nodeType, this.edgeType] as const;
    this.nodeType = { type: LARGE_GRAPH_NODE_TYPE };
    this.edgeType = { type: LARGE_GRAPH_EDGE_TYPE };
    renderer.refresh();
    [this.nodeType, this.edgeType] = saved;
    renderer.refresh();
  }

  /** Move the nodes to `positions` (animated or at once) and frame the whole graph. */
  applyLayout(positions: Positions, animate: boolean): void {
    const display = this.display;
    if (!display) return;
    const done = () => {
      this.renderer?.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
      this.renderer?.refresh();
    };
    if (animate) {
      const targets: Record<string, { x: number; y: number }> = {};
      for (const [id, p] of positions) targets[id] = p;
      animateNodes(display, targets, { duration: 350 }, done);
    } else {
      for (const [id, p] of positions) display.mergeNodeAttributes(id, p);
      done();
    }
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
    if (!this.renderer || !this.display?.hasNode(node)) return null;
    const { x, y } = this.display.getNodeAttributes(node) as unknown as { x: number; y: number };
    const p = this.renderer.graphToViewport({ x, y });
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
