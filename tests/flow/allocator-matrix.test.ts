/**
 * The allocator's sparse model (`_allocator-matrix.ts`) is the model its LP text gave HiGHS, entry for entry
 * (rows, columns, their order, bounds, costs, coefficients), so the allocation, ranges and gains come out the
 * same to the last bit.
 */
import fc from "fast-check";
import type { Highs } from "highs";
import { describe, expect, it } from "vitest";
import { Allocator } from "../../src/flow/_allocator.js";
import { allocatorMatrix } from "../../src/flow/_allocator-matrix.js";
import { loadHighs } from "../../src/flow/_solver.js";
import { buildFlowModel, type FlowModel } from "../../src/flow/flow-model.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { generatedCase } from "./_base-optimum.js";
import { baselineFlow, TWO_MAKERS } from "./_fixtures.js";
import { allocatorLpText, textHighs } from "./_lp-text-allocator.js";

/** Recipes, node and edge capacities, a sink that is no consumer (its in-edge appears in no row), a source with none. */
const MIXED = `
  a [mine CN output=ore capacity=30]
  b [mine AU output=ore]
  r [refinery JP output=ox recipe=ore:1.5 capacity=6]
  s [refinery US output=ox recipe=ore:2]
  mag [magnet DE output=magnet recipe=ox:0.25]
  dead [refinery FR output=ox recipe=ore:1]
  car [consumer JP demand=20 recipe=magnet:1]
  fan [consumer US demand=7.5 recipe=ox:1]
  a -> r
  b -> s capacity=9
  b -> dead
  r -> mag
  s -> mag capacity=3.5
  s -> fan
  r -> fan
  mag -> car
`;

/** Both models of `flow`, column for column and row for row. */
function expectSameModel(highs: Highs, flow: FlowModel): void {
  const text = highs.createModel({ format: "lp", data: allocatorLpText(flow) });
  const built = allocatorMatrix(flow, highs.infinity);
  const sparse = highs.createModel({ ...built.data, sense: highs.constants.objectiveSense.maximize });
  try {
    const a = text.getLp("csc");
    const b = sparse.getLp("csc");
    expect(b.numCols).toBe(a.numCols);
    expect(b.numRows).toBe(a.numRows);
    expect(b.sense).toBe(a.sense);
    for (const key of ["colCost", "colLower", "colUpper", "rowLower", "rowUpper"] as const)
      expect([...b[key]], key).toEqual([...a[key]]);
    for (const key of ["starts", "indices", "values"] as const)
      expect([...b.matrix[key]], key).toEqual([...a.matrix[key]]);
    // the items sit where the text's names put them
    flow.edges.forEach((_, e) => {
      expect(built.edgeCol[e]).toBe(text.getColByName(`f${e}`));
      expect(built.edgeCapRow[e]).toBe(
        flow.edges[e]!.capacity === undefined ? -1 : text.getRowByName(`e${e}`),
      );
    });
    for (const i of flow.consumers) {
      expect(built.servedCol[i]).toBe(text.getColByName(`s${i}`));
      expect(built.fractionRow[i]).toBe(text.getRowByName(`m${i}`));
    }
    flow.nodes.forEach((_, i) => {
      if (built.nodeCapRow[i]! >= 0) expect(built.nodeCapRow[i]).toBe(text.getRowByName(`n${i}`));
    });
    expect(built.tCol).toBe(text.getColByName("t"));
    expect(built.totalRow).toBe(text.getRowByName("T"));
  } finally {
    text.dispose();
    sparse.dispose();
  }
}

/** Everything the allocator reports, from the sparse model and from the text model. */
function expectSameFigures(highs: Highs, flow: FlowModel): void {
  const run = (h: Highs) => {
    const allocator = new Allocator(h, flow);
    try {
      const total = allocator.maxTotal();
      const { served, minFraction } = allocator.leximin(true);
      const maxMin = allocator.leximin(false);
      const range = allocator.servedRange(flow.consumers.slice(0, 2), total);
      const gains = flow.nodes.map((_, i) =>
        flow.capacity[i] === undefined ? 0 : allocator.gainPerUnit("node", i, flow.capacity[i]!, total),
      );
      return { total, served: [...served], minFraction, maxMin: [...maxMin.served], range, gains };
    } finally {
      allocator.dispose();
    }
  };
  expect(run(highs)).toEqual(run(textHighs(highs, flow)));
}

describe("allocatorMatrix", () => {
  it("hand-checked: the text's rows and columns, in the text's order", async () => {
    const highs = await loadHighs();
    const flow = baselineFlow(MIXED);
    const built = allocatorMatrix(flow, highs.infinity);
    const at = (id: string) => flow.index.get(id)!;
    // served columns first (consumers sorted by id: car, fan), then flow columns as rows name them, t, then the
    // flow column of b -> dead, which only the bounds name
    expect(built.servedCol[at("car")]).toBe(0);
    expect(built.servedCol[at("fan")]).toBe(1);
    const deadEdge = flow.inEdges[at("dead")]![0]!;
    expect(built.edgeCol[deadEdge]).toBe(built.data.numCols - 1);
    expect(built.tCol).toBe(built.data.numCols - 2);
    // two capacity rows on edges, two on nodes (a and r), one row per consumer, the total row last
    expect([...built.edgeCapRow].filter((r) => r >= 0).length).toBe(2);
    expect(built.nodeCapRow[at("a")]).toBe(0);
    expect(built.totalRow).toBe(built.data.numRows - 1);
    expectSameModel(highs, flow);
    expectSameModel(highs, baselineFlow(TWO_MAKERS));
  });

  it("hand-checked: the same allocation, max-min, range and gains as the text model", async () => {
    const highs = await loadHighs();
    expectSameFigures(highs, baselineFlow(MIXED));
    expectSameFigures(highs, baselineFlow(TWO_MAKERS));
    const allocator = new Allocator(highs, baselineFlow(TWO_MAKERS));
    expect(allocator.maxTotal()).toBeCloseTo(25, 9);
    allocator.dispose();
  });

  it("generated graphs: the same model and the same figures, bit for bit", async () => {
    const highs = await loadHighs();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), fc.boolean(), async (seed, noChina) => {
        const { graph, scenario } = generatedCase(seed, noChina);
        const flow = buildFlowModel(graph, applyScenario(graph, scenario));
        expectSameModel(highs, flow);
        expectSameFigures(highs, flow);
      }),
      { numRuns: 8, seed: 41 },
    );
  }, 120_000);
});
