import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ForEachOutArc, kahnOrder } from "../../src/model/_kahn.js";

/** Out-arcs from an arc list, in list order. */
function arcsOf(n: number, arcs: ReadonlyArray<readonly [number, number]>): ForEachOutArc {
  const out: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of arcs) out[a]!.push(b);
  return (v, visit) => {
    for (const w of out[v]!) visit(w);
  };
}

/** Nodes with a kept path from a kept directed cycle (the cycle's own nodes included), by brute force. */
function onOrBehindCycle(
  n: number,
  arcs: ReadonlyArray<readonly [number, number]>,
  kept: Uint8Array,
): Set<number> {
  const live = arcs.filter(([a, b]) => kept[a] === 1 && kept[b] === 1);
  const reach = Array.from({ length: n }, () => new Uint8Array(n));
  for (const [a, b] of live) reach[a]![b] = 1;
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++)
      if (reach[i]![k]) for (let j = 0; j < n; j++) if (reach[k]![j]) reach[i]![j] = 1;
  const onCycle = [...Array(n).keys()].filter((v) => reach[v]![v] === 1);
  return new Set([...Array(n).keys()].filter((v) => onCycle.some((c) => c === v || reach[c]![v] === 1)));
}

describe("kahnOrder", () => {
  it("a diamond: FIFO from the sources in index order, each node's arcs in their order", () => {
    // 0 -> 2, 1 -> 2, 2 -> 4, 2 -> 3, 3 -> 4
    const forEachOut = arcsOf(5, [
      [0, 2],
      [1, 2],
      [2, 4],
      [2, 3],
      [3, 4],
    ]);
    const { order, acyclic } = kahnOrder(5, forEachOut);
    expect([...order]).toEqual([0, 1, 2, 3, 4]);
    expect(acyclic).toBe(5);
  });

  it("a cycle and what it feeds come last in index order; the rest keep Kahn's order", () => {
    // 4 -> 1 -> 2 -> 1 (cycle), 2 -> 0 (behind it), 3 alone
    const { order, acyclic } = kahnOrder(
      5,
      arcsOf(5, [
        [4, 1],
        [1, 2],
        [2, 1],
        [2, 0],
      ]),
    );
    expect([...order]).toEqual([3, 4, 0, 1, 2]);
    expect(acyclic).toBe(2);
  });

  it("nodes outside `kept` and their arcs are left out: removing one node of a cycle breaks it", () => {
    const arcs = [
      [0, 1],
      [1, 2],
      [2, 0],
      [2, 3],
    ] as const;
    const { order, acyclic } = kahnOrder(4, arcsOf(4, arcs), Uint8Array.of(1, 1, 0, 1));
    expect([...order]).toEqual([0, 3, 1]);
    expect(acyclic).toBe(3);
  });

  it("is a topological order of the acyclic part, then exactly the nodes on or behind a cycle by index (property)", () => {
    const graph = fc.integer({ min: 1, max: 12 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        arcs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n }),
        kept: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      }),
    );
    fc.assert(
      fc.property(graph, ({ n, arcs, kept: keptList }) => {
        const kept = Uint8Array.from(keptList, (k) => (k ? 1 : 0));
        const { order, acyclic } = kahnOrder(n, arcsOf(n, arcs), kept);
        const keptNodes = [...Array(n).keys()].filter((v) => kept[v] === 1);
        expect([...order].sort((a, b) => a - b)).toEqual(keptNodes);
        const position = new Map([...order].map((v, k) => [v, k]));
        for (const [a, b] of arcs)
          if (kept[a] === 1 && kept[b] === 1 && position.get(b)! < acyclic)
            expect(position.get(a)!).toBeLessThan(position.get(b)!);
        const cyclic = onOrBehindCycle(n, arcs, kept);
        expect([...order.subarray(acyclic)]).toEqual(keptNodes.filter((v) => cyclic.has(v)));
      }),
      { numRuns: 300 },
    );
  });
});
