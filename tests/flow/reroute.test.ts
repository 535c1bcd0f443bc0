import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gains, topologicalOrder } from "../../src/flow/_loss-bound.js";
import { Reroute } from "../../src/flow/_reroute.js";
import type { SupplyGraph } from "../../src/model/types.js";
import type { Scenario } from "../../src/scenario/types.js";
import { graphFromText } from "../_helpers/graph-from-text.js";
import { generatedCase, openBaseOptimum } from "./_base-optimum.js";
import { SPARE_MINE, TWO_MAKERS } from "./_fixtures.js";

// Mine a feeds only p (a recipe plant) and q; mine b feeds only q. The consumer needs 10 of p's or q's 10.
// Whatever optimum the solver returns, every node but the consumer's can go: through p, a's loss is made good
// by b -> q -> c while c takes less from p (so p needs less ore: a path that ends by making less); through q, by
// a -> p or b -> q.
const DETOUR = `
  a [mine AU output=ore capacity=10]
  b [mine CA output=ore capacity=10]
  p [refinery JP output=ox capacity=10]
  q [refinery KR output=ox capacity=10]
  c [consumer JP demand=10]
  a -> p volume=10
  a -> q
  b -> q
  p -> c volume=10
  q -> c
`;

// A recipe maker with two suppliers of the same material: one can go (the other swaps in), its other input not.
const SWAP = `
  n1 [mine CN output=NdPr capacity=10]
  n2 [mine AU output=NdPr capacity=10]
  d [mine MM output=DyTb capacity=1]
  mag [magnet JP output=magnet recipe=NdPr:0.5,DyTb:0.1 capacity=10]
  car [consumer JP demand=10]
  n1 -> mag volume=5
  n2 -> mag
  d -> mag volume=1
  mag -> car volume=10
`;

async function open(graph: SupplyGraph, scenario?: Scenario) {
  const opened = await openBaseOptimum(graph, scenario);
  const gain = gains(opened.model, topologicalOrder(opened.model));
  return { ...opened, gain, reroute: new Reroute(opened.model, opened.base) };
}

async function certified(text: string): Promise<string[]> {
  const { model, lp, carrying, gain, reroute } = await open(graphFromText(text));
  lp.dispose();
  return carrying
    .filter((i) => reroute.lossBound(i, gain) === 0)
    .map((i) => model.nodes[i]!)
    .sort();
}

describe("Reroute", () => {
  it("hand-checked: a spare mine can go, the only plant cannot", async () => {
    const ids = await certified(SPARE_MINE);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id === "m1" || id === "m2")).toBe(true);
  });

  it("hand-checked: the magnet chain, where every node costs demand, has no certificate", async () => {
    expect(await certified(TWO_MAKERS)).toEqual([]);
  });

  it("hand-checked: a detour through the other plant, taking less from the first", async () => {
    const ids = await certified(DETOUR);
    // the optimum routes 10 through p or q (or both): every mine and plant that carries flow can go
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(ids.every((id) => ["a", "b", "p", "q"].includes(id))).toBe(true);
  });

  it("hand-checked: a recipe maker swaps suppliers of one material, never changes its output", async () => {
    const ids = await certified(SWAP);
    expect(ids).not.toContain("mag");
    expect(ids).not.toContain("d");
    // whichever NdPr mine carries flow can be replaced by the other (5 t needed, 10 t each)
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id === "n1" || id === "n2")).toBe(true);
  });

  it("generated graphs: every bound holds (0: loses nothing) against the knockout LP; order leaves no trace", async () => {
    let certified = 0;
    let bounded = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), fc.boolean(), async (seed, noChina) => {
        const { graph, scenario } = generatedCase(seed, noChina);
        const { lp, total, basis, carrying, gain, reroute } = await open(graph, scenario);
        try {
          const forward = carrying.map((i) => reroute.lossBound(i, gain));
          const backward = [...carrying].reverse().map((i) => reroute.lossBound(i, gain));
          expect(backward.reverse()).toEqual(forward);
          const noise = 1e-8 * Math.max(1, total);
          carrying.forEach((i, k) => {
            lp.restart(basis, [i]);
            const loss = total - lp.maxTotal();
            expect(loss).toBeLessThanOrEqual(forward[k]! * (1 + 1e-9) + noise);
            if (forward[k] === 0) certified++;
            else if (loss > noise) bounded++;
          });
        } finally {
          lp.dispose();
        }
      }),
      { numRuns: 8, seed: 29 },
    );
    expect(certified).toBeGreaterThan(20);
    expect(bounded).toBeGreaterThan(20);
  });
});
