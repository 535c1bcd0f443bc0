/**
 * Which nodes and edges can have changed appearance between two refreshes, so sigma re-processes only those
 * (`refresh({ partialGraph })`) instead of every item of a 10^4-node graph on each toggle, hover or selection.
 * Worked out from what the reducers read (`reducers.ts`), not by running them on every item: a node's look
 * depends on the colour and size channels, whether it is out, the focus, the selection, the hover and the search
 * matches; an edge's on whether it or one of its ends is out, the focus and the selected route.
 */
import type { SupplyGraph } from "../../src/model/types.js";
import type { Focus } from "./reducers.js";
import type { ColorBy, SizeBy } from "./state.js";

/** What the reducers read, for one refresh. */
export interface DisplayInputs {
  colorBy: ColorBy;
  sizeBy: SizeBy;
  selected: string | null;
  hovered: string | null;
  matches: ReadonlySet<string>;
  nodeOut: ReadonlySet<string>;
  edgeOut: ReadonlySet<string>;
  focus: Focus;
  route: ReadonlySet<string>;
}

/** The items to re-process, or `all` when a change touches every item (a channel, focus on or off). */
export type DisplayChanges = { nodes: Set<string>; edges: Set<string> } | "all";

/** Add to `into` every member of exactly one of the two sets. */
function symmetric(a: ReadonlySet<string>, b: ReadonlySet<string>, into: Set<string>): void {
  if (a === b) return;
  for (const x of a) if (!b.has(x)) into.add(x);
  for (const x of b) if (!a.has(x)) into.add(x);
}

/** The nodes and edges whose appearance may differ between `before` (null: nothing drawn yet) and `after`. */
export function displayChanges(
  graph: SupplyGraph,
  before: DisplayInputs | null,
  after: DisplayInputs,
): DisplayChanges {
  if (
    before === null ||
    before.colorBy !== after.colorBy ||
    before.sizeBy !== after.sizeBy ||
    before.focus.nodes.size > 0 !== after.focus.nodes.size > 0
  )
    return "all";
  const nodes = new Set<string>();
  const edges = new Set<string>();
  const outChanged = new Set<string>();
  symmetric(before.nodeOut, after.nodeOut, outChanged);
  for (const n of outChanged) {
    nodes.add(n);
    // an edge is hidden when one of its ends is out
    if (graph.hasNode(n)) graph.forEachEdge(n, (e) => edges.add(e));
  }
  symmetric(before.edgeOut, after.edgeOut, edges);
  symmetric(before.focus.nodes, after.focus.nodes, nodes);
  symmetric(before.focus.edges, after.focus.edges, edges);
  symmetric(before.matches, after.matches, nodes);
  symmetric(before.route, after.route, edges);
  for (const n of [before.selected, after.selected, before.hovered, after.hovered])
    if (n !== null && (before.selected !== after.selected || before.hovered !== after.hovered)) nodes.add(n);
  return { nodes, edges };
}
