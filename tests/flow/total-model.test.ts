import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Allocator } from "../../src/flow/_allocator.js";
import { loadHighs } from "../../src/flow/_solver.js";
import { NO_FLOW, TotalModel } from "../../src/flow/_total-model.js";
import { buildFlowModel } from "../../src/flow/flow-model.js";
import { syntheticGraphJson } from "../../src/generate/synthetic-graph-json.js";
import { syntheticNetwork } from "../../src/generate/synthetic-network.js";
import { checkSerializedGraph } from "../../src/model/graph-checks.js";
import type { SupplyGraph } from "../../src/model/types.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { BASELINE_SCENARIO, type Scenario } from "../../src/scenario/types.js";
import { graphFromText } from "../_helpers/graph-from-text.js";
import { TWO_MAKERS } from "./_fixtures.js";

// Two mines of 10 for one consumer of 10 behind a plant of 10: either mine can go, the plant cannot.
const SPARE_MINE = `
  m1 [mine AU output=ore capacity=10]
  m2 [mine CA output=ore capacity=10]
  p [refinery JP output=ox recipe=ore:1 capacity=10]
  c [consumer JP demand=10]
  m1 -> p volume=5
  m2 -> p volume=5
  p -> c volume=10
`;

async function open(graph: SupplyGraph, scenario: Scenario = BASELINE_SCENARIO) {
  const model = buildFlowModel(graph, applyScenario(graph, scenario));
  const lp = new TotalModel(await loadHighs(), model);
  const total = lp.maxTotal();
  const basis = lp.basis()!;
  const { edgeFlow } = lp.primal();
  const carrying = model.nodes
    .map((_, i) => i)
    .filter(
      (i) =>
        model.demand[i] === 0 &&
        [...model.outEdges[i]!, ...model.inEdges[i]!].some((e) => edgeFlow[e]! > NO_FLOW),
    );
  return { model, lp, total, basis, carrying };
}

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
        const graph = checkSerializedGraph(
          JSON.parse([...syntheticGraphJson(syntheticNetwork({ nodes: 150, seed }))].join("")),
        ).graph!;
        const scenario = noChina ? { name: "no-china", remove: [{ country: "CN" }] } : BASELINE_SCENARIO;
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
