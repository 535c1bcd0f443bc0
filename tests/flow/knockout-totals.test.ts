import { describe, expect, it } from "vitest";
import { KnockoutPool, knockoutTotalsInline } from "../../src/flow/_knockout-totals.js";
import { loadHighs } from "../../src/flow/_solver.js";
import { TotalModel } from "../../src/flow/_total-model.js";
import { buildFlowModel } from "../../src/flow/flow-model.js";
import { syntheticGraphJson } from "../../src/generate/synthetic-graph-json.js";
import { syntheticNetwork } from "../../src/generate/synthetic-network.js";
import { checkSerializedGraph } from "../../src/model/graph-checks.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { BASELINE_SCENARIO, type Scenario } from "../../src/scenario/types.js";
import { graphFromText } from "../_helpers/graph-from-text.js";
import { TWO_MAKERS } from "./_fixtures.js";

const generated = (nodes: number, seed: number) =>
  checkSerializedGraph(JSON.parse([...syntheticGraphJson(syntheticNetwork({ nodes, seed }))].join("")))
    .graph!;

const noChina: Scenario = { name: "no-china", remove: [{ country: "CN" }] };

async function setup(graph = generated(300, 8), scenario: Scenario = noChina) {
  const model = buildFlowModel(graph, applyScenario(graph, scenario));
  const allocator = new TotalModel(await loadHighs(), model);
  const total = allocator.maxTotal();
  const basis = allocator.basis()!;
  const nodes = model.nodes.map((_, i) => i).filter((i) => model.demand[i] === 0);
  return { model, allocator, basis, nodes, total };
}

describe("knockout totals", () => {
  it("hand-checked chain: max-total without each node", async () => {
    const { model, allocator, basis, nodes } = await setup(graphFromText(TWO_MAKERS), BASELINE_SCENARIO);
    const totals = knockoutTotalsInline(allocator, basis, nodes);
    const byId = Object.fromEntries(nodes.map((i, k) => [model.nodes[i], Number(totals[k]!.toFixed(9))]));
    // 25 served: without dytb only the Dy/Tb-free maker's 5, without free 20, without mag 5, without ndpr 0
    expect(byId).toMatchObject({ dytb: 5, free: 20, mag: 5, ndpr: 0 });
    allocator.dispose();
  });

  it("each total depends on the knockout alone: same bits in any order, after any other solve", async () => {
    const { allocator, basis, nodes, total } = await setup();
    const forward = knockoutTotalsInline(allocator, basis, nodes);
    // another solve in between: a cold max-total with several nodes out, from wherever the last one ended
    allocator.knockOut(nodes.slice(0, 3));
    expect(allocator.maxTotal()).toBeLessThanOrEqual(total + 1e-9 * total);
    const backward = knockoutTotalsInline(allocator, basis, [...nodes].reverse()).reverse();
    expect(Array.from(backward)).toEqual(Array.from(forward));
    allocator.dispose();
  });

  it("worker threads give the same bits as this thread, in the same order", async () => {
    const { model, allocator, basis, nodes } = await setup();
    const inline = knockoutTotalsInline(allocator, basis, nodes);
    const pool = KnockoutPool.ofTotals(allocator, model, basis, 2);
    try {
      expect(Array.from(await pool.totals(nodes))).toEqual(Array.from(inline));
      // a second batch on the same workers
      const some = nodes.filter((_, k) => k % 3 === 0);
      expect(Array.from(await pool.totals(some))).toEqual(some.map((i) => inline[nodes.indexOf(i)]!));
    } finally {
      await pool.close();
      allocator.dispose();
    }
  });
});
