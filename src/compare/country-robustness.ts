/**
 * A country's robustness R in served demand, counted over its own supply cone: the network serves the country
 * alone (other countries' consumers set aside, so R does not depend on how a shared shortfall is split), and only
 * the nodes with a path to its consumers are removed, so nodes that cannot affect its supply (another country's
 * chain, isolated nodes) do not dilute R (Schneider et al., PNAS 2011; see `flow-attack.ts`).
 */
import { loadHighs } from "../flow/_solver.js";
import { flowAttackCurves } from "../flow/flow-attack.js";
import { rankChokepoints, sweepFlow } from "../flow/flow-chokepoints.js";
import { isConsumer, type SupplyGraph } from "../model/types.js";
import { applyScenario } from "../scenario/apply-scenario.js";
import { composeScenarios } from "../scenario/compose.js";
import type { Scenario } from "../scenario/types.js";

/**
 * `scenario` plus the removal of every consumer outside `country`: the network serves that country alone, and
 * the other countries' consumers drop out of the N-1 ranking too (removal is a mask, so nothing else changes).
 */
export function countryAlone(graph: SupplyGraph, scenario: Scenario, country: string): Scenario {
  const others = graph.filterNodes((_id, a) => isConsumer(a) && a.country !== country).sort();
  if (others.length === 0) return scenario;
  return composeScenarios([scenario, { name: `${country} alone`, remove: others.map((node) => ({ node })) }]);
}

/** Every node with a path to one of `country`'s consumers in the file graph (its supply cone), consumers included. */
export function supplyCone(graph: SupplyGraph, country: string): Set<string> {
  const cone = new Set(graph.filterNodes((_id, a) => a.country === country && isConsumer(a)));
  const stack = [...cone];
  while (stack.length) {
    const id = stack.pop()!;
    for (const s of graph.inNeighbors(id))
      if (!cone.has(s)) {
        stack.push(s);
        cone.add(s);
      }
  }
  return cone;
}

/** The country's attack curve in N-1 order over its supply cone, and its R (undefined without a curve). */
export async function countryAttackCurve(graph: SupplyGraph, scenario: Scenario, country: string) {
  const applied = applyScenario(graph, countryAlone(graph, scenario, country));
  const highs = await loadHighs();
  const sweep = sweepFlow(highs, graph, applied, "max-total");
  const attack = flowAttackCurves(highs, graph, applied, rankChokepoints(graph, sweep), {
    objective: "max-total",
    randomOrders: 0,
    only: supplyCone(graph, country),
  });
  return attack.curves.find((c) => c.order === "demand-lost");
}
