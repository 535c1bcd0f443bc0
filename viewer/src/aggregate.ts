/**
 * For graphs too large to draw: one node per (country, stage), edges summed. Recipes are dropped (a group has no
 * single bill of materials), so analyses on the aggregate are coarse; the page says so. `drillDown` gives back
 * one super-node's facilities.
 */
import { DirectedGraph } from "graphology";
import { type CheckedGraph, edgeKey } from "../../src/model/_checked.js";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, SupplyGraph } from "../../src/model/types.js";

/**
 * What aggregation and drill-down read: a graphology graph, or a checked file's parts (the loader worker keeps
 * a 10^5-node file as parts: building the graphology graph would add half again to its check).
 */
export type GraphParts = SupplyGraph | CheckedGraph;

interface Lists {
  attributes: GraphAttributes;
  forEachNode(f: (id: string, a: NodeAttributes) => void): void;
  forEachEdge(f: (key: string, a: EdgeAttributes, s: string, t: string) => void): void;
  attributesOf(id: string): NodeAttributes;
}

function listsOf(input: GraphParts): Lists {
  if ("nodes" in input && input.nodes instanceof Map) {
    const parts = input as CheckedGraph;
    return {
      attributes: parts.attributes,
      forEachNode: (f) => {
        for (const [id, a] of parts.nodes) f(id, a);
      },
      forEachEdge: (f) => {
        for (const e of parts.edges) f(edgeKey(e), e.attributes, e.source, e.target);
      },
      attributesOf: (id) => parts.nodes.get(id)!,
    };
  }
  const graph = input as SupplyGraph;
  return {
    attributes: graph.getAttributes(),
    forEachNode: (f) => graph.forEachNode(f),
    forEachEdge: (f) => graph.forEachEdge((e, a, s, t) => f(e, a, s, t)),
    attributesOf: (id) => graph.getNodeAttributes(id),
  };
}

/** One node per (country, stage) of a graph or a checked file's parts. */
export function aggregateByCountryStage(input: GraphParts): SupplyGraph {
  const graph = listsOf(input);
  const out: SupplyGraph = new DirectedGraph<NodeAttributes, Record<string, unknown>, GraphAttributes>();
  out.replaceAttributes({
    ...graph.attributes,
    name: `${graph.attributes.name ?? "graph"} (aggregated by country and stage)`,
  });
  const group = groupKey;
  const sums = new Map<
    string,
    { lat: number; lon: number; located: number; outputs: Map<string, number>; unlimited: boolean }
  >();
  graph.forEachNode((_id, a) => {
    const key = group(a);
    if (!out.hasNode(key)) {
      out.addNode(key, { label: `${a.country} ${a.stage}`, stage: a.stage, country: a.country });
      sums.set(key, { lat: 0, lon: 0, located: 0, outputs: new Map(), unlimited: false });
    }
    const g = out.getNodeAttributes(key);
    const s = sums.get(key)!;
    // one unlimited member makes the group unlimited; otherwise capacities add up
    if (a.capacity === undefined || s.unlimited) {
      s.unlimited = true;
      delete g.capacity;
    } else g.capacity = (g.capacity ?? 0) + a.capacity;
    if (a.demand !== undefined) g.demand = (g.demand ?? 0) + a.demand;
    if (typeof a.lat === "number" && typeof a.lon === "number") {
      s.lat += a.lat;
      s.lon += a.lon;
      s.located++;
    }
    if (a.output) s.outputs.set(a.output, (s.outputs.get(a.output) ?? 0) + 1);
  });
  for (const [key, s] of sums) {
    const g = out.getNodeAttributes(key);
    if (s.located > 0) {
      g.lat = s.lat / s.located;
      g.lon = s.lon / s.located;
    }
    const top = [...s.outputs].sort((p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : 1))[0];
    if (top) g.output = top[0];
  }
  graph.forEachEdge((_e, a, source, target) => {
    const s = group(graph.attributesOf(source));
    const t = group(graph.attributesOf(target));
    if (s === t) return;
    const key = `${s}->${t}`;
    if (out.hasEdge(key))
      out.updateEdgeAttribute(key, "volume", (v) => ((v as number) ?? 0) + (a.volume ?? 0));
    else out.addDirectedEdgeWithKey(key, s, t, { volume: a.volume ?? 0 });
  });
  return out;
}

/** The super-node of a node in `aggregateByCountryStage` (`CN|magnet`). */
export function groupKey(attributes: Pick<NodeAttributes, "country" | "stage">): string {
  return `${attributes.country}|${attributes.stage}`;
}

/**
 * Drill down into one super-node: its member facilities with their direct suppliers and customers, and every
 * edge among those (the file's attributes kept). Partners outside the group stand at the border: a supplier
 * there has no suppliers of its own in the drill-down, so analyses of it take it as a source; the page says so.
 * @returns null when no node belongs to the group
 */
export function drillDown(input: GraphParts, group: string): SupplyGraph | null {
  const graph = listsOf(input);
  const members = new Set<string>();
  graph.forEachNode((id, a) => {
    if (groupKey(a) === group) members.add(id);
  });
  if (members.size === 0) return null;
  const keep = new Set(members);
  graph.forEachEdge((_e, _a, s, t) => {
    if (members.has(s)) keep.add(t);
    if (members.has(t)) keep.add(s);
  });
  const out: SupplyGraph = new DirectedGraph<NodeAttributes, Record<string, unknown>, GraphAttributes>();
  const [country, stage] = group.split("|");
  out.replaceAttributes({
    ...graph.attributes,
    name: `${graph.attributes.name ?? "graph"}: ${country} ${stage} and its direct partners`,
  });
  // sorted ids: the drill-down of a group is the same graph whatever the file order
  for (const id of [...keep].sort()) out.addNode(id, { ...graph.attributesOf(id) });
  graph.forEachEdge((e, a, s, t) => {
    if (keep.has(s) && keep.has(t)) out.addDirectedEdgeWithKey(e, s, t, { ...a });
  });
  return out;
}
