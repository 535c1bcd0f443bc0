/**
 * For graphs too large to draw: one node per (country, stage), edges summed. Recipes are dropped (a group has no
 * single bill of materials), so analyses on the aggregate are coarse; the page says so. `drillDown` gives back
 * one super-node's facilities.
 */
import { DirectedGraph } from "graphology";
import type { GraphAttributes, NodeAttributes, SupplyGraph } from "../../src/model/types.js";

export function aggregateByCountryStage(graph: SupplyGraph): SupplyGraph {
  const out: SupplyGraph = new DirectedGraph<NodeAttributes, Record<string, unknown>, GraphAttributes>();
  out.replaceAttributes({
    ...graph.getAttributes(),
    name: `${graph.getAttribute("name") ?? "graph"} (aggregated by country and stage)`,
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
  graph.forEachEdge((_e, a, _source, _target, sa, ta) => {
    const s = group(sa);
    const t = group(ta);
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
export function drillDown(graph: SupplyGraph, group: string): SupplyGraph | null {
  const members: string[] = [];
  graph.forEachNode((id, a) => {
    if (groupKey(a) === group) members.push(id);
  });
  if (members.length === 0) return null;
  const keep = new Set(members);
  for (const id of members) graph.forEachNeighbor(id, (n) => keep.add(n));
  const out: SupplyGraph = new DirectedGraph<NodeAttributes, Record<string, unknown>, GraphAttributes>();
  const [country, stage] = group.split("|");
  out.replaceAttributes({
    ...graph.getAttributes(),
    name: `${graph.getAttribute("name") ?? "graph"}: ${country} ${stage} and its direct partners`,
  });
  // sorted ids: the drill-down of a group is the same graph whatever the file order
  for (const id of [...keep].sort()) out.addNode(id, { ...graph.getNodeAttributes(id) });
  graph.forEachEdge((e, a, s, t) => {
    if (keep.has(s) && keep.has(t)) out.addDirectedEdgeWithKey(e, s, t, { ...a });
  });
  return out;
}
