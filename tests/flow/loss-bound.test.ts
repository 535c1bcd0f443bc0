import { describe, expect, it } from "vitest";
import { Allocator } from "../../src/flow/_allocator.js";
import { FrozenLoss, gainBounds, topologicalOrder } from "../../src/flow/_loss-bound.js";
import { loadHighs } from "../../src/flow/_solver.js";
import { buildFlowModel, type FlowModel } from "../../src/flow/flow-model.js";
import { syntheticGraphJson } from "../../src/generate/synthetic-graph-json.js";
import { syntheticNetwork } from "../../src/generate/synthetic-network.js";
import { checkSerializedGraph } from "../../src/model/graph-checks.js";
import type { SupplyGraph } from "../../src/model/types.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { BASELINE_SCENARIO, type Scenario } from "../../src/scenario/types.js";
import { graphFromText } from "../_helpers/graph-from-text.js";
import { TWO_MAKERS } from "./_fixtures.js";

/** Base flow, bounds and exact max-total losses of every non-consumer node. */
async function everything(graph: SupplyGraph, scenario: Scenario = BASELINE_SCENARIO) {
  const model: FlowModel = buildFlowModel(graph, applyScenario(graph, scenario));
  const allocator = new Allocator(await loadHighs(), model);
  const total = allocator.maxTotal();
  const base = allocator.primal();
  const order = topologicalOrder(model);
  const gain = gainBounds(model, base, order);
  const frozen = order ? new FrozenLoss(model, base, order) : null;
  const nodes = model.nodes.map((_, i) => i).filter((i) => model.demand[i] === 0);
  const rows = nodes.map((i) => {
    allocator.knockOut([i]);
    const loss = total - allocator.maxTotal();
    return { id: model.nodes[i]!, loss, gain: gain[i]!, frozen: frozen ? frozen.of(i) : Infinity };
  });
  allocator.dispose();
  return { rows, order };
}

const generated = (nodes: number, seed: number) =>
  checkSerializedGraph(JSON.parse([...syntheticGraphJson(syntheticNetwork({ nodes, seed }))].join("")))
    .graph!;

describe("loss bounds", () => {
  it("on a cyclic network every bound is unbounded (nothing pruned)", async () => {
    const cyclic = graphFromText(`
      a [refinery CN output=x capacity=5]
      b [refinery CN output=x]
      c [consumer JP demand=3]
      a -> b
      b -> a
      b -> c
    `);
    const { rows, order } = await everything(cyclic);
    expect(order).toBeNull();
    expect(rows.map((r) => [r.id, r.gain, r.frozen])).toEqual([
      ["a", Infinity, Infinity],
      ["b", Infinity, Infinity],
    ]);
  });

  it("hand-checked chain: the frozen-flow bound is the exact loss, the gain bound is above it", async () => {
    // ndpr: magnets need 0.3 t NdPr each, so losing it stops both makers (25); dytb: 1 t at 0.05 t per magnet
    // (20); mag and free: their own output (20, 5). Recipes convert: the gain bound of dytb is 1 t x 1/0.05.
    const { rows } = await everything(graphFromText(TWO_MAKERS));
    expect(rows.map((r) => [r.id, r.loss, Number(r.frozen.toFixed(9))])).toEqual([
      ["dytb", 20, 20],
      ["free", 5, 5],
      ["mag", 20, 20],
      ["ndpr", 25, 25],
    ]);
    expect(rows.find((r) => r.id === "dytb")!.gain).toBeCloseTo(20, 9);
    for (const r of rows) expect(r.gain).toBeGreaterThanOrEqual(r.frozen - 1e-9);
  });

  it.each([
    [1, "baseline"],
    [2, "no-china"],
    [3, "baseline"],
  ])(
    "generated 200-node graph, seed %i, %s: loss <= frozen bound <= gain bound at every node",
    async (seed, name) => {
      const graph = generated(200, seed);
      const scenario: Scenario =
        name === "no-china" ? { name, remove: [{ country: "CN" }] } : BASELINE_SCENARIO;
      const { rows, order } = await everything(graph, scenario);
      expect(order).not.toBeNull();
      expect(rows.some((r) => r.loss > 1)).toBe(true);
      for (const r of rows) {
        const tol = 1e-6 * Math.max(1, r.loss);
        expect(r.loss).toBeLessThanOrEqual(r.frozen + tol);
        expect(r.frozen).toBeLessThanOrEqual(r.gain + tol);
      }
    },
  );
});
