/**
 * Sigma node and edge reducers: derive each item's appearance from the state, the encodings and the analysis
 * results, without touching graph data (sigma's "use reducers" pattern). Pure functions of a context, so they
 * are unit-tested in Node.
 */
import type { NodeDisplayData, EdgeDisplayData } from "sigma/types";
import type { SupplyGraph } from "../../src/model/types.js";
import type { AnalysisView } from "./analysis-view.js";
import { countryColor, type Encodings, materialColor } from "./encodings.js";
import {
  CHOKEPOINT_LIST_LENGTH,
  FADED_EDGE_COLOR,
  FADED_NODE_COLOR,
  NODE_SIZE,
  OTHER_COUNTRY_COLOR,
  ROUTE_EDGE_COLOR,
} from "./settings.js";
import type { State } from "./state.js";

export interface ReducerContext {
  graph: SupplyGraph;
  state: State;
  encodings: Encodings;
  analysis: AnalysisView | null;
  hovered: string | null;
  /** Nodes and edges of the selected consumer's routes (empty when nothing is selected). */
  focus: Focus;
  /** Search matches to emphasise. */
  matches: ReadonlySet<string>;
}

/** What a selection puts forward: the route and the single points of failure of a consumer, or a node's edges. */
export interface Focus {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

export const NO_FOCUS: Focus = { nodes: new Set(), edges: new Set() };

/**
 * The nodes and edges to keep bright when a node is selected: for a consumer, every supplier upstream of it over
 * kept edges and its fastest route; for any other node, its direct suppliers and customers.
 */
export function focusOf(graph: SupplyGraph, analysis: AnalysisView | null, node: string | null): Focus {
  if (node === null || !graph.hasNode(node)) return NO_FOCUS;
  const nodes = new Set<string>([node]);
  const edges = new Set<string>();
  const consumer = analysis?.consumers.get(node);
  if (consumer) {
    // Upstream closure over kept edges: "where can this consumer's supply come from".
    const stack = [node];
    while (stack.length > 0) {
      const n = stack.pop()!;
      graph.forEachInEdge(n, (e, _a, s) => {
        if (analysis?.edgeOut.has(e)) return;
        edges.add(e);
        if (!nodes.has(s)) {
          nodes.add(s);
          stack.push(s);
        }
      });
    }
    return { nodes, edges };
  }
  graph.forEachEdge(node, (e, _a, s, t) => {
    edges.add(e);
    nodes.add(s);
    nodes.add(t);
  });
  return { nodes, edges };
}

/** Edges of the selected consumer's fastest route (drawn darkest). */
export function routeEdges(graph: SupplyGraph, route: string[] | null): Set<string> {
  const edges = new Set<string>();
  if (!route) return edges;
  for (let i = 0; i + 1 < route.length; i++) {
    const e = graph.edge(route[i]!, route[i + 1]!);
    if (e !== undefined) edges.add(e);
  }
  return edges;
}

/** Top chokepoints (ringed on the graph). */
export function chokepointSet(analysis: AnalysisView | null): Set<string> {
  if (!analysis) return new Set();
  return new Set(
    analysis.chokepoints
      .filter((c) => c.consumersCut > 0 || (c.demandLost ?? 0) > 0)
      .slice(0, CHOKEPOINT_LIST_LENGTH)
      .map((c) => c.id),
  );
}

export function nodeAppearance(ctx: ReducerContext, node: string): Partial<NodeDisplayData> {
  const a = ctx.graph.getNodeAttributes(node);
  const enc = ctx.encodings;
  let color =
    ctx.state.colorBy === "stage"
      ? (enc.stageColors.get(a.stage) ?? OTHER_COUNTRY_COLOR)
      : countryColor(enc, a.country);
  let size = enc.sizes[ctx.state.sizeBy].get(node) ?? NODE_SIZE.missing;
  let zIndex = 1;
  let forceLabel = false;
  let highlighted = false;
  const out = ctx.analysis?.nodeOut.has(node) ?? false;
  if (out) {
    color = FADED_NODE_COLOR;
    size = Math.max(NODE_SIZE.min, size * 0.7);
    zIndex = 0;
  }
  const focusing = ctx.focus.nodes.size > 0;
  if (focusing && !ctx.focus.nodes.has(node)) {
    color = FADED_NODE_COLOR;
    zIndex = 0;
  } else if (focusing) {
    zIndex = 2;
  }
  if (ctx.state.selected === node) {
    highlighted = true;
    forceLabel = true;
    zIndex = 3;
  }
  if (ctx.hovered === node || ctx.matches.has(node)) {
    forceLabel = true;
    highlighted = true;
    zIndex = 3;
  }
  // faded nodes keep quiet: their labels would crowd out the ones that matter (hover or select to read them)
  const label = color === FADED_NODE_COLOR && !forceLabel ? null : a.label;
  return { label, color, size, zIndex, forceLabel, highlighted, hidden: false };
}

export function edgeAppearance(ctx: ReducerContext, edge: string, route: ReadonlySet<string>) {
  const g = ctx.graph;
  let color =
    ctx.encodings.edgeColors.get(edge) ?? materialColor(g.getNodeAttribute(g.source(edge), "output"));
  let size = ctx.encodings.edgeSizes.get(edge) ?? 1;
  let zIndex = 1;
  let hidden = false;
  if (ctx.analysis?.edgeOut.has(edge)) {
    color = FADED_EDGE_COLOR;
    zIndex = 0;
    // edges of removed nodes say nothing more than the faded node: hide them to declutter
    hidden = ctx.analysis.nodeOut.has(g.source(edge)) || ctx.analysis.nodeOut.has(g.target(edge));
  }
  if (ctx.focus.edges.size > 0) {
    if (!ctx.focus.edges.has(edge)) {
      color = FADED_EDGE_COLOR;
      zIndex = 0;
    } else zIndex = 2;
  }
  if (route.has(edge)) {
    color = ROUTE_EDGE_COLOR;
    size = Math.max(size, 2.5);
    zIndex = 3;
  }
  const out: Partial<EdgeDisplayData> = { color, size, zIndex, hidden };
  return out;
}
