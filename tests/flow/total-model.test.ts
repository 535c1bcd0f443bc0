import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Allocator } from "../../src/flow/_allocator.js";
import { loadHighs } from "../../src/flow/_solver.js";
import { NO_FLOW, TotalModel } from "../../src/flow/_total-model.js";
import { buildFlowModel, type FlowModel } from "../../src/flow/flow-model.js";
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

const ids = (model: FlowModel, nodes: Iterable<number>) => [...nodes].map((i) => model.nodes[i]!).sort();

describe("TotalModel", () => {
  it("hand-checked: the max-total, and the nodes some optimum leaves empty", async () => {
    const spare = await open(graphFromText(SPARE_MINE));
    expect(spare.total).toBeCloseTo(10, 9);
    // an optimum avoids either mine (the other has the capacity), none avoids the plant
    const at = (id: string) => spare.model.index.get(id)!;
    for (const id of ["m1", "m2"])
      expect(ids(spare.model, spare.lp.zeroLoss(spare.total, [at(id)]))).toEqual([id]);
    expect(spare.lp.zeroLoss(spare.total, [at("p")]).size).toBe(0);
    // the model is left as it was: the same max-total from the same basis
    spare.lp.restart(spare.basis, []);
    expect(spare.lp.maxTotal()).toBe(spare.total);
    spare.lp.dispose();
    // in the magnet chain every node costs demand: nothing is cleared
    const chain = await open(graphFromText(TWO_MAKERS));
    expect(chain.total).toBeCloseTo(25, 9);
    expect(chain.lp.zeroLoss(chain.total, chain.carrying).size).toBe(0);
    chain.lp.dispose();
  });

  it("generated graphs: the allocator's max-total, and every cleared node loses nothing", async () => {
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
          expect(Math.abs(total - allocator.maxTotal())).toBeLessThanOrEqual(1e-9 * Math.max(1, total));
          const cleared = lp.zeroLoss(total, carrying);
          const noise = 1e-8 * Math.max(1, total);
          for (const i of cleared) {
            lp.restart(basis, [i]);
            expect(total - lp.maxTotal()).toBeLessThanOrEqual(noise);
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
