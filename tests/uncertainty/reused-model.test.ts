/**
 * The reused HiGHS model of the Monte Carlo (`_reused-model.ts`): its LP reader, and the promise that makes it
 * safe: every figure equals a fresh solve's, sample by sample, on the bundled graph and on random graphs.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadHighs } from "../../src/flow/_solver.js";
import { loadScenario } from "../../src/io/load-scenario.js";
import { readGraphFile } from "../../src/io/read-graph-file.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { parseLp, ReusedModel } from "../../src/uncertainty/_reused-model.js";
import { servedFigures } from "../../src/uncertainty/_served-figures.js";
import { evaluatePoints } from "../../src/uncertainty/evaluate-points.js";
import { planFor } from "../../src/uncertainty/monte-carlo.js";
import { assignInputValues, sampler } from "../../src/uncertainty/sample-graph.js";
import { graphFromText } from "../_helpers/graph-from-text.js";

const INF = Number.POSITIVE_INFINITY;
const text = (cap: number, amount: number) =>
  `Maximize\n obj: s2 + s3\nSubject To\n n0: f0 + f1 <= ${cap}\n r2_0: ${amount} s2 - f0 <= 0\n` +
  ` m3: s3 - 40 t >= 0\nBounds\n 0 <= s2 <= 50\n 0 <= s3 <= 40\n f0 >= 0\n f1 >= 0\n t = 0\nEnd\n`;

/** The figures as one comparable string. */
const key = (r: Awaited<ReturnType<typeof servedFigures>>) =>
  JSON.stringify([r.totalDemand, r.totalServed, [...r.countries].sort()]);

describe("parseLp", () => {
  it("reads the terms, row and column bounds and costs; equal shapes for other numbers only", () => {
    const lp = parseLp(text(100, 1.5), INF)!;
    expect(lp.terms).toEqual([
      { row: "n0", col: "f0", value: 1 },
      { row: "n0", col: "f1", value: 1 },
      { row: "r2_0", col: "s2", value: 1.5 },
      { row: "r2_0", col: "f0", value: -1 },
      { row: "m3", col: "s3", value: 1 },
      { row: "m3", col: "t", value: -40 },
    ]);
    expect(lp.rowBounds).toEqual([
      { name: "n0", lo: -INF, hi: 100 },
      { name: "r2_0", lo: -INF, hi: 0 },
      { name: "m3", lo: 0, hi: INF },
    ]);
    expect([...lp.colBounds]).toEqual([
      ["s2", [0, 50]],
      ["s3", [0, 40]],
      ["f0", [0, INF]],
      ["f1", [0, INF]],
      ["t", [0, 0]],
    ]);
    expect([...lp.costs]).toEqual([
      ["s2", 1],
      ["s3", 1],
    ]);
    expect(parseLp(text(70, 2e-7), INF)!.shape).toBe(lp.shape);
    expect(parseLp(text(70, 1).replace("- f0", "- f1"), INF)!.shape).not.toBe(lp.shape);
  });

  it("refuses what it does not know (HiGHS then parses the text itself)", () => {
    expect(parseLp("Maximize\n obj: [ x^2 ] / 2\nEnd\n", INF)).toBeNull();
    expect(parseLp("Maximize\n obj: x\nGeneral\n x\nEnd\n", INF)).toBeNull();
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
