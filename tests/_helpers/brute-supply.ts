/**
 * Brute-force references for the supply analyses, written the slow obvious way: supply as a naive fixpoint
 * (repeat "mark every node whose inputs are all there" until nothing changes), and single points of failure by
 * removing each node and recomputing supply.
 */
import { isSource, type SupplyGraph } from "../../src/model/types.js";
import type { AppliedScenario } from "../../src/scenario/types.js";

/** Supplied node ids by naive fixpoint iteration; `dead` = extra removed nodes. */
export function bruteSupplied(
  graph: SupplyGraph,
  applied: AppliedScenario,
  dead: Set<string> = new Set(),
): Set<string> {
  const out = (v: string) => applied.nodeOut.has(v) || dead.has(v);
  const supplied = new Set<string>();
  let changed = true;
  while (changed) {
    changed = false;
    graph.forEachNode((v, a) => {
      if (supplied.has(v) || out(v)) return;
      let ok: boolean;
      const suppliers = graph
        .inEdges(v)
        .filter((e) => !applied.edgeOut.has(e) && supplied.has(graph.source(e)))
        .map((e) => graph.getNodeAttribute(graph.source(e), "output"));
      if (isSource(graph, v)) ok = true;
      else if (a.recipe && Object.keys(a.recipe).length)
        ok = Object.keys(a.recipe).every((m) => suppliers.includes(m));
      else ok = suppliers.length > 0;
      if (ok) {
        supplied.add(v);
        changed = true;
      }
    });
  }
  return supplied;
}

/** Consumer id → sorted ids of the nodes whose removal alone unsupplies it (supplied consumers only). */
export function bruteSinglePoints(graph: SupplyGraph, applied: AppliedScenario): Map<string, string[]> {
  const base = bruteSupplied(graph, applied);
  const result = new Map<string, string[]>();
  const consumers = graph.filterNodes((_v, a) => (a.demand ?? 0) > 0 && base.has(_v));
  for (const c of consumers) result.set(c, []);
  for (const x of graph.nodes().sort()) {
    if (!base.has(x)) continue;
    const without = bruteSupplied(graph, applied, new Set([x]));
    for (const c of consumers) if (c !== x && !without.has(c)) result.get(c)!.push(x);
  }
  return result;
}
