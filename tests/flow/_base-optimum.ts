/** The knockout model of a graph at its max-total optimum, as the N-1 tests start from it. */
import { loadHighs } from "../../src/flow/_solver.js";
import { NO_FLOW, TotalModel } from "../../src/flow/_total-model.js";
import { buildFlowModel } from "../../src/flow/flow-model.js";
import { syntheticGraphJson } from "../../src/generate/synthetic-graph-json.js";
import { syntheticNetwork } from "../../src/generate/synthetic-network.js";
import { checkSerializedGraph } from "../../src/model/graph-checks.js";
import type { SupplyGraph } from "../../src/model/types.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { BASELINE_SCENARIO, type Scenario } from "../../src/scenario/types.js";

/** The model, its solved LP, the optimum (total, basis, flows) and the facilities that carry flow in it. */
export async function openBaseOptimum(graph: SupplyGraph, scenario: Scenario = BASELINE_SCENARIO) {
  const model = buildFlowModel(graph, applyScenario(graph, scenario));
  const lp = new TotalModel(await loadHighs(), model);
  const total = lp.maxTotal();
  const basis = lp.basis()!;
  const base = lp.primal();
  const carrying = model.nodes
    .map((_, i) => i)
    .filter(
      (i) =>
        model.demand[i] === 0 &&
        [...model.outEdges[i]!, ...model.inEdges[i]!].some((e) => base.edgeFlow[e]! > NO_FLOW),
    );
  return { model, lp, total, basis, base, carrying };
}

/** A generated 150-node graph (`chokepoint generate`) and its baseline, or the scenario without China. */
export function generatedCase(seed: number, noChina: boolean): { graph: SupplyGraph; scenario: Scenario } {
  const graph = checkSerializedGraph(
    JSON.parse([...syntheticGraphJson(syntheticNetwork({ nodes: 150, seed }))].join("")),
  ).graph!;
  const scenario = noChina ? { name: "no-china", remove: [{ country: "CN" }] } : BASELINE_SCENARIO;
  return { graph, scenario };
}
