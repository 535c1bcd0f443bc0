/**
 * The reused HiGHS model of the Monte Carlo (`_reused-model.ts`): when it reuses a model, and the promise that makes it
 * safe: every figure equals a fresh solve's, sample by sample, on the bundled graph and on random graphs.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocatorMatrix } from "../../src/flow/_allocator-matrix.js";
import { loadHighs } from "../../src/flow/_solver.js";
import { buildFlowModel } from "../../src/flow/flow-model.js";
import { loadScenario } from "../../src/io/load-scenario.js";
import { readGraphFile } from "../../src/io/read-graph-file.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { BASELINE_SCENARIO } from "../../src/scenario/types.js";
import { ReusedModel, sameShape } from "../../src/uncertainty/_reused-model.js";
import { servedFigures } from "../../src/uncertainty/_served-figures.js";
import { evaluatePoints } from "../../src/uncertainty/evaluate-points.js";
import { planFor } from "../../src/uncertainty/monte-carlo.js";
import { assignInputValues, sampler } from "../../src/uncertainty/sample-graph.js";
import { graphFromText } from "../_helpers/graph-from-text.js";

/** The allocator's model data of a two-mine graph with these numbers. */
const data = (cap: number, amount: number, detour = false) => {
  const graph = graphFromText(`
    m1 [mine AU output=ore capacity=${cap}]
    m2 [mine US output=ore capacity=40]
    r [refinery JP output=ox recipe=ore:${amount}]
    jp [consumer JP demand=60]
    us [consumer US demand=30]
    m1 -> r
    m2 -> r
    r -> jp
    ${detour ? "m2 -> us" : "r -> us"}
  `);
  return allocatorMatrix(buildFlowModel(graph, applyScenario(graph, BASELINE_SCENARIO)), Infinity).data;
};

/** The figures as one comparable string. */
const key = (r: Awaited<ReturnType<typeof servedFigures>>) =>
  JSON.stringify([r.totalDemand, r.totalServed, [...r.countries].sort()]);

describe("sameShape", () => {
  it("holds for the same rows, columns and non-zeros with other numbers only", () => {
    expect(sameShape(data(100, 1.5), data(70, 2e-7))).toBe(true);
    expect(sameShape(data(100, 1.5), data(100, 1.5, true))).toBe(false);
    expect(sameShape(data(100, 1.5), { ...data(100, 1.5), sense: -1 as never })).toBe(false);
  });

  it("hands out the model it holds for one of the same shape, with the new numbers", async () => {
    const reused = new ReusedModel(await loadHighs());
    const first = reused.highs.createModel(data(100, 1.5));
    const again = reused.highs.createModel(data(70, 2));
    expect(again === first).toBe(true);
    const fresh = (await loadHighs()).createModel(data(70, 2));
    const [a, b] = [again.getLp("csr"), fresh.getLp("csr")];
    expect([...a.colUpper, ...a.rowUpper, ...a.matrix.values]).toEqual([
      ...b.colUpper,
      ...b.rowUpper,
      ...b.matrix.values,
    ]);
    fresh.dispose();
    expect(reused.highs.createModel(data(70, 2, true)) === first).toBe(false);
    reused.dispose();
  });
});

describe("ReusedModel: identical figures to fresh solves", () => {
  it("on 40 samples of the bundled 2025 graph under no-china", async () => {
    const graph = readGraphFile("graphs/rare-earths-2025.json");
    const scenario = {
      ...loadScenario("no-china"),
      uncertainty: [{ select: {}, attribute: "capacity", relative: 0.3 }],
    };
    const plan = planFor(graph, scenario, { seed: 9, distribution: "triangular" });
    const applied = applyScenario(graph, scenario);
    const draw = sampler(plan.inputs, plan);
    const reused = new ReusedModel(await loadHighs());
    const values = new Float64Array(plan.inputs.length);
    const work = graph.copy();
    for (let i = 0; i < 40; i++) {
      assignInputValues(work, plan.inputs, draw(i, 0, values));
      const fresh = await servedFigures(work, applied, plan.objective);
      const again = await servedFigures(work, applied, plan.objective, reused.highs);
      expect(key(again), `sample ${i}`).toBe(key(fresh));
    }
    reused.dispose();
  }, 300_000);

  it("through the Monte Carlo's evaluator, a sample the reused model's solver gives up on included", async () => {
    // Under these draws a warm start from the previous sample's basis has ended sample 37 as "infeasible" (within
    // tolerance): the evaluator then solves it afresh and starts the next from a fresh model (reusedOrFresh).
    const graph = readGraphFile("graphs/rare-earths-2025.json");
    const scenario = {
      ...loadScenario("china-heavy-ree-controls-2025"),
      uncertainty: [{ select: {}, attribute: "capacity", relative: 0.3 }],
    };
    const plan = planFor(graph, scenario, { seed: 1, distribution: "triangular" });
    const n = 40;
    const rows = await evaluatePoints(
      graph,
      plan,
      Array.from({ length: n }, (_, sample) => ({ sample, stream: 0 as const })),
    );
    const applied = applyScenario(graph, scenario);
    const draw = sampler(plan.inputs, plan);
    const values = new Float64Array(plan.inputs.length);
    const work = graph.copy();
    const width = 2 + 2 * plan.countries.length;
    for (let i = 0; i < n; i++) {
      assignInputValues(work, plan.inputs, draw(i, 0, values));
      const fresh = await servedFigures(work, applied, plan.objective);
      const perCountry = plan.countries.flatMap((c) => [
        fresh.countries.get(c)?.demand ?? 0,
        fresh.countries.get(c)?.served ?? 0,
      ]);
      const want = [fresh.totalDemand, fresh.totalServed, ...perCountry];
      expect([...rows.subarray(i * width, (i + 1) * width)], `sample ${i}`).toEqual(want);
    }
  }, 300_000);

  it("on random capacities and recipes of one graph, and across graphs of other shapes", async () => {
    const reused = new ReusedModel(await loadHighs());
    const shaped = (a: number, b: number, amount: number) =>
      graphFromText(`
        m1 [mine AU output=ore capacity=${a}]
        m2 [mine US output=ore capacity=${b}]
        r [refinery JP output=ox recipe=ore:${amount} capacity=80]
        jp [consumer JP demand=60]
        us [consumer US demand=30]
        m1 -> r
        m2 -> r
        r -> jp
        r -> us
        m2 -> us
      `);
    const other = graphFromText(`
      m [mine AU output=ore capacity=10]
      c [consumer JP demand=20]
      m -> c
    `);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 120 }),
        fc.double({ min: 0.5, max: 3, noNaN: true }),
        fc.boolean(),
        async (a, b, amount, detour) => {
          const g = detour ? other : shaped(a, b, amount);
          const applied = applyScenario(g, { name: "baseline" });
          const fresh = await servedFigures(g, applied, "max-total");
          const again = await servedFigures(g, applied, "max-total", reused.highs);
          expect(key(again)).toBe(key(fresh));
        },
      ),
      { numRuns: 60, seed: 5 },
    );
    reused.dispose();
  }, 300_000);
});
