/**
 * The allocator's plain start (`_plain-start.ts`): the plain max-total LP is the allocator's LP without its leximin
 * rows, its optimal basis is optimal in the allocator's model (the first solve takes no iteration), and an
 * allocator started there reports the same figures as one started cold.
 */
import fc from "fast-check";
import type { Highs, Model } from "highs";
import { describe, expect, it } from "vitest";
import { Allocator } from "../../src/flow/_allocator.js";
import { allocatorMatrix } from "../../src/flow/_allocator-matrix.js";
import { plainData, plainStartBasis } from "../../src/flow/_plain-start.js";
import { loadHighs } from "../../src/flow/_solver.js";
import { TotalModel } from "../../src/flow/_total-model.js";
import { buildFlowModel, type FlowModel } from "../../src/flow/flow-model.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { generatedCase } from "./_base-optimum.js";
import { baselineFlow, TWO_MAKERS } from "./_fixtures.js";

/** Recipes, node and edge capacities (one of them binding), a consumer cut short, a dead end. */
const CAPPED = `
  a [mine CN output=ore capacity=30]
  b [mine AU output=ore]
  r [refinery JP output=ox recipe=ore:1.5 capacity=6]
  s [refinery US output=ox recipe=ore:2]
  dead [refinery FR output=ox recipe=ore:1]
  car [consumer JP demand=20 recipe=ox:1]
  fan [consumer US demand=7.5 recipe=ox:1]
  a -> r
  b -> s capacity=9
  b -> dead
  s -> fan
  r -> fan
  r -> car
`;

/** Simplex iterations of the allocator's last solve (its model is private). */
const iterations = (allocator: Allocator) =>
  Number((allocator as unknown as { lp: Model }).lp.info.get("simplex_iteration_count"));

/** Everything the allocator reports, started cold or from the plain LP's optimum. */
function figures(highs: Highs, flow: FlowModel, plainStart: boolean) {
  const allocator = new Allocator(highs, flow, { plainStart });
  try {
    const total = allocator.maxTotal();
    const first = iterations(allocator);
    const { served, minFraction } = allocator.leximin(true);
    const maxMin = allocator.leximin(false);
    const range = allocator.servedRange(flow.consumers.slice(0, 2), total);
    return { total, first, served: [...served], minFraction, maxMin: [...maxMin.served], range };
  } finally {
    allocator.dispose();
  }
}

/** Both starts: the same figures, within the solver's tolerance (far below the reporting grid). */
function expectSameFigures(highs: Highs, flow: FlowModel): void {
  const cold = figures(highs, flow, false);
  const plain = figures(highs, flow, true);
  const scale = Math.max(1, ...flow.consumers.map((i) => flow.demand[i]!));
  const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-7 * scale);
  close(plain.total, cold.total);
  expect(plain.first).toBe(0);
  plain.served.forEach((x, i) => close(x, cold.served[i]!));
  plain.maxMin.forEach((x, i) => close(x, cold.maxMin[i]!));
  close(plain.minFraction ?? 0, cold.minFraction ?? 0);
  close(plain.range[0], cold.range[0]);
  close(plain.range[1], cold.range[1]);
}

describe("plainData", () => {
  it("hand-checked: the allocator's rows before the consumers' rows, all its columns", async () => {
    const highs = await loadHighs();
    const flow = baselineFlow(CAPPED);
    const built = allocatorMatrix(flow, highs.infinity);
    const data = plainData(built, flow.consumers);
    // rows: a's and r's capacity rows, the recipe rows of r, s, car and fan (dead makes nothing anyone takes:
    // no row), the capacity row of b -> s; then the allocator's rows of car and fan and its total row
    expect(data.numRows).toBe(7);
    expect(built.data.numRows).toBe(7 + 2 + 1);
    expect(data.numCols).toBe(built.data.numCols);
    expect([...data.colUpper]).toEqual([...built.data.colUpper]);
    expect([...data.matrix.starts]).toEqual([...built.data.matrix.starts.subarray(0, 8)]);
    const edge = flow.edges.findIndex((e) => flow.nodes[e.source] === "b" && flow.nodes[e.target] === "s");
    expect(built.edgeCapRow[edge]).toBe(6);
    // the same LP as the knockouts' plain model: the same optimum
    const plain = highs.createModel({ ...data, sense: highs.constants.objectiveSense.maximize });
    plain.options.set({ output_flag: false });
    plain.run();
    const total = new TotalModel(highs, flow);
    // car 20 needs 20 ox: r makes 6 (9 ore of a); fan 7.5: s makes 4.5 (9 ore through b -> s)
    expect(plain.getObjectiveValue()).toBeCloseTo(10.5, 9);
    expect(total.maxTotal()).toBeCloseTo(10.5, 9);
    plain.dispose();
    total.dispose();
  });
});

describe("plainStartBasis", () => {
  it("hand-checked: as many basic items as the allocator's rows, and an optimum at once", async () => {
    const highs = await loadHighs();
    for (const flow of [baselineFlow(CAPPED), baselineFlow(TWO_MAKERS)]) {
      const built = allocatorMatrix(flow, highs.infinity);
      const basis = plainStartBasis(highs, built, flow.consumers);
      const basic = [...basis.colStatus, ...basis.rowStatus].filter((s) => s === 1).length;
      expect(basic).toBe(built.data.numRows);
      expect(basis.rowStatus[built.totalRow]).toBe(1);
      for (const i of flow.consumers) expect(basis.rowStatus[built.fractionRow[i]!]).toBe(1);
      expectSameFigures(highs, flow);
    }
  });

  it("generated graphs: the same figures as a cold allocator, the first solve without iterations", async () => {
    const highs = await loadHighs();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), fc.boolean(), async (seed, noChina) => {
        const { graph, scenario } = generatedCase(seed, noChina);
        expectSameFigures(highs, buildFlowModel(graph, applyScenario(graph, scenario)));
      }),
      { numRuns: 12, seed: 31 },
    );
  });
});
