/**
 * For graphs too large to draw: one node per (country, stage), edges summed. Recipes are dropped (a group has no
 * single bill of materials), so analyses on the aggregate are coarse; the page says so.
 */
import { DirectedGraph } from "graphology";
import type { GraphAttributes, NodeAttributes, SupplyGraph } from "../../src/model/types.js";

export function aggregateByCountryStage(graph: SupplyGraph): SupplyGraph {
  const out: SupplyGraph = new DirectedGraph<NodeAttributes, Record<string, unknown>, GraphAttributes>();
  out.replaceAttributes({
    ...graph.getAttributes(),
    name: `${graph.getAttribute("name") ?? "graph"} (aggregated by country and stage)`,
  });
  const group = (a: NodeAttributes) => `${a.country}|${a.stage}`;
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
