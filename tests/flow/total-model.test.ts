import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Allocator } from "../../src/flow/_allocator.js";
import { loadHighs } from "../../src/flow/_solver.js";
import { graphFromText } from "../_helpers/graph-from-text.js";
import { generatedCase, openBaseOptimum } from "./_base-optimum.js";
import { SPARE_MINE, TWO_MAKERS } from "./_fixtures.js";

const open = openBaseOptimum;

describe("TotalModel", () => {
  it("hand-checked: the max-total, and each knockout's total from the base basis", async () => {
    const spare = await open(graphFromText(SPARE_MINE));
    expect(spare.total).toBeCloseTo(10, 9);
    // either mine can go (the other has the capacity), the plant cannot
    const without = (id: string) => {
      spare.lp.restart(spare.basis, [spare.model.index.get(id)!]);
      return spare.lp.maxTotal();
    };
    expect(without("m1")).toBeCloseTo(10, 9);
    expect(without("m2")).toBeCloseTo(10, 9);
    expect(without("p")).toBeCloseTo(0, 9);
    // nothing out again: the same max-total from the same basis
    spare.lp.restart(spare.basis, []);
    expect(spare.lp.maxTotal()).toBe(spare.total);
    spare.lp.dispose();
    const chain = await open(graphFromText(TWO_MAKERS));
    expect(chain.total).toBeCloseTo(25, 9);
    expect(chain.carrying.length).toBe(4);
    chain.lp.dispose();
  });

  it("generated graphs: the allocator's max-total, with nothing out and with each node out", async () => {
    const highs = await loadHighs();
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), fc.boolean(), async (seed, noChina) => {
        const { graph, scenario } = generatedCase(seed, noChina);
        const { model, lp, total, basis, carrying } = await open(graph, scenario);
        const allocator = new Allocator(highs, model);
        try {
          const same = (a: number, b: number) =>
            expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, total));
          same(total, allocator.maxTotal());
          for (const i of carrying.slice(0, 8)) {
            lp.restart(basis, [i]);
            allocator.knockOut([i]);
            same(lp.maxTotal(), allocator.maxTotal());
            checked++;
          }
        } finally {
          allocator.dispose();
          lp.dispose();
        }
      }),
      { numRuns: 6, seed: 23 },
    );
    expect(checked).toBeGreaterThan(10);
  });
});
