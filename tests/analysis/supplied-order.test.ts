import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csrOf, scenarioMasks } from "../../src/analysis/_csr.js";
import { suppliedTopologicalOrder } from "../../src/analysis/_supplied-order.js";
import { supplyMask } from "../../src/analysis/supply.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { graphFromText } from "../_helpers/graph-from-text.js";
import { randomSupplyGraphText } from "../_helpers/random-supply-graph.js";

/** Brute force: strip nodes with no incoming edge left until none can be; a cycle remains iff nodes are left. */
function hasCycle(nodes: number[], edges: [number, number][]): boolean {
  const left = new Set(nodes);
  for (let changed = true; changed; ) {
    changed = false;
    for (const v of left)
      if (!edges.some(([s, t]) => t === v && left.has(s))) {
        left.delete(v);
        changed = true;
      }
  }
  return left.size > 0;
}

describe("suppliedTopologicalOrder", () => {
  it("is a topological order of the supplied subgraph, or null exactly when that subgraph has a cycle", () => {
    const paths = { fromView: 0, ownSort: 0 };
    fc.assert(
      fc.property(randomSupplyGraphText(10, true), fc.array(fc.nat(9), { maxLength: 3 }), (text, drop) => {
        const graph = graphFromText(text);
        const csr = csrOf(graph);
        const remove = drop.map((i) => `n${i}`).filter((id) => graph.hasNode(id));
        const applied = applyScenario(graph, { name: "x", remove: remove.map((node) => ({ node })) });
        const masks = scenarioMasks(csr, applied);
        const runner = supplyMask(csr, masks);
        const order = suppliedTopologicalOrder(csr, masks, runner);
        const all = [...Array(csr.n).keys()];
        const slotEdges = all.length ? [...Array(csr.m).keys()].filter((e) => csr.edgeSlot[e]! >= 0) : [];
        const ends = (e: number): [number, number] => [csr.edgeSource[e]!, csr.edgeTarget[e]!];
        const supplied = all.filter((v) => runner.supplied[v] === 1);
        const edges = slotEdges
          .filter((e) => masks.edgeAlive[e] === 1)
          .map(ends)
          .filter(([s, t]) => runner.supplied[s] === 1 && runner.supplied[t] === 1);
        // which way the function went: the view's own order (acyclic view) or a sort of the supplied subgraph
        const fromView = !hasCycle(all, slotEdges.map(ends));
        paths[fromView ? "fromView" : "ownSort"]++;
        expect(order === null).toBe(hasCycle(supplied, edges));
        if (order === null) return;
        const rank = new Map<number, number>();
        order.forEach((v, i) => rank.set(v, i));
        expect([...order].sort((a, b) => a - b)).toEqual(supplied);
        for (const [s, t] of edges) expect(rank.get(s)!).toBeLessThan(rank.get(t)!);
        if (!fromView) return;
        // the view's order goes level by level (longest slot-filling path in the whole view), by index within one
        const level = (v: number): number =>
          Math.max(0, ...slotEdges.map(ends).filter(([, t]) => t === v).map(([u]) => level(u) + 1));
        const key = (v: number) => [level(v), v] as const;
        for (let i = 1; i < order.length; i++) {
          const [la, a] = key(order[i - 1]!);
          const [lb, b] = key(order[i]!);
          expect(la < lb || (la === lb && a < b)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
    expect(paths.fromView).toBeGreaterThan(30);
    expect(paths.ownSort).toBeGreaterThan(30);
  });
});
