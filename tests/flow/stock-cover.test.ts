import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadHighs } from "../../src/flow/_solver.js";
import { stockCover } from "../../src/flow/_stock-cover.js";
import { sweepFlow } from "../../src/flow/flow-chokepoints.js";
import { buildFlowModel } from "../../src/flow/flow-model.js";
import { survival } from "../../src/flow/survival.js";
import { syntheticGraphJson } from "../../src/generate/synthetic-graph-json.js";
import { syntheticNetwork } from "../../src/generate/synthetic-network.js";
import { checkSerializedGraph } from "../../src/model/graph-checks.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { BASELINE_SCENARIO } from "../../src/scenario/types.js";
import { graphFromText } from "../_helpers/graph-from-text.js";

// 10 t/yr of ore for two Japanese consumers of 10 each, no stock anywhere: max-total 10, split 5 / 5.
const NO_STOCK = `
  mine [mine AU output=ore capacity=10]
  a [consumer JP demand=10]
  b [consumer JP demand=10]
  mine -> a volume=5
  mine -> b volume=5
`;

describe("stockCover without stock", () => {
  it("a question that asks more than the max-total gets 0 days, with or without the LP", async () => {
    const highs = await loadHighs();
    const graph = graphFromText(NO_STOCK);
    const model = buildFlowModel(graph, applyScenario(graph, BASELINE_SCENARIO));
    const [a, b] = ["a", "b"].map((id) => model.index.get(id)!);
    const levels = new Float64Array(model.nodes.length);
    levels[a!] = 5;
    levels[b!] = 5;
    const question = { levels, privateStock: new Float64Array(model.nodes.length), piles: [], slack: 0.1 };
    // both whole: 20 > 10; a alone whole with b kept near 5: 14.9 > 10
    for (const targets of [[a!, b!], [a!]]) {
      const lp = stockCover(highs, model, { ...question, targets });
      expect(lp.days).toBe(0);
      expect(stockCover(highs, model, { ...question, targets, maxTotal: 10 })).toEqual(lp);
    }
    // b asks nothing: a whole needs exactly the max-total, not more; the LP answers (whole without stock: forever)
    levels[a!] = 1;
    levels[b!] = 0;
    const lp = stockCover(highs, model, { ...question, targets: [a!] });
    expect(lp.days).toBe(Number.POSITIVE_INFINITY);
    expect(stockCover(highs, model, { ...question, targets: [a!], maxTotal: 10 })).toEqual(lp);
  });
});

const generated = (nodes: number, seed: number) =>
  checkSerializedGraph(JSON.parse([...syntheticGraphJson(syntheticNetwork({ nodes, seed }))].join("")))
    .graph!;

describe("survival's closed form for hopeless questions", () => {
  it("gives the same figures as the LP for every question (generated graphs, no stock)", async () => {
    const highs = await loadHighs();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 80, max: 160 }),
        async (seed, nodes) => {
          const graph = generated(nodes, seed);
          const applied = applyScenario(graph, { name: "no-china", remove: [{ country: "CN" }] });
          const sweep = sweepFlow(highs, graph, applied, "max-total");
          const fast = survival(highs, graph, applied, sweep);
          // The same sweep labelled max-min: an LP objective whose totals are not max-totals, so every
          // question goes to the LP.
          const plain = survival(highs, graph, applied, { ...sweep, objective: "max-min" });
          expect(fast).toEqual(plain);
          // the closed form was used: without stock a short country lasts 0 days
          expect(Object.values(fast.countries).some((c) => c.daysToSurvive === 0)).toBe(true);
        },
      ),
      { numRuns: 4, seed: 17 },
    );
  });
});
