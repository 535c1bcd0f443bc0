/**
 * Levers over time: each policy pillar (a lever takes it away, see `src/levers/`) ranked by the resilience loss it
 * avoids for a country under a disruption: the loss (area between demand and served demand, `simulate`) with the
 * pillar taken away, minus the loss with every pillar in place. A stockpile counts only through time, so the
 * yearly ranking cannot weigh it against rerouting; this one can: both are measured in days of lost supply.
 */
import { applyLevers } from "../levers/apply-lever.js";
import type { Lever } from "../levers/types.js";
import type { SupplyGraph } from "../model/types.js";
import { applyScenario } from "../scenario/apply-scenario.js";
import { composeScenarios } from "../scenario/compose.js";
import type { Scenario } from "../scenario/types.js";
import { simulate } from "../simulate/simulate.js";
import type { CountryResilience, SimulateOptions } from "../simulate/types.js";

/** One pillar's effect over time. */
export interface LeverResilience {
  lever: string;
  pillar: string;
  /** The country's resilience with only this pillar taken away. */
  takenAway: CountryResilience;
  /** Loss avoided by the pillar: taken away − all in place (share-days and tonne-days; > 0 = the pillar helps). */
  lossAvoided: { shareDays: number; tonneDays: number };
}

/** The result of `leverResilience`. */
export interface LeverResilienceRanking {
  country: string;
  scenario: string;
  /** Every pillar in place (the graph as it is). */
  allKept: CountryResilience;
  /** Sorted by share-days avoided (most first), then lever name. */
  levers: LeverResilience[];
}

/** A difference of two simulation figures, to their 6 significant digits (further digits are solver noise). */
const sixDigits = (x: number) => (Math.abs(x) < 1e-9 ? 0 : Number(x.toPrecision(6)));

/** The country's resilience on `graph` with `levers` taken away. */
async function resilienceWithout(
  graph: SupplyGraph,
  scenario: Scenario,
  levers: Lever[],
  country: string,
  options: SimulateOptions,
): Promise<CountryResilience> {
  const levered = applyLevers(graph, levers);
  const combined = levers.length ? composeScenarios([scenario, levered.scenario]) : scenario;
  const sim = await simulate(levered.graph, applyScenario(levered.graph, combined), {
    ...options,
    nodes: false,
  });
  const r = sim.countries[country];
  // a country whose consumers a lever removes has nothing left to serve: no loss to count
  return (
    r ?? {
      timeToSurvive: null,
      deepestFraction: 1,
      timeToRecover: null,
      resilienceLoss: { tonneDays: 0, shareDays: 0 },
      loss: null,
    }
  );
}

/**
 * Rank `levers` by the resilience loss each avoids for `country` under `scenario` (simulated with `options`).
 * @throws ScenarioError when a lever or the scenario does not fit the graph; FlowSolveError if the solver fails
 */
export async function leverResilience(
  graph: SupplyGraph,
  scenario: Scenario,
  levers: Lever[],
  country: string,
  options: SimulateOptions = {},
): Promise<LeverResilienceRanking> {
  const allKept = await resilienceWithout(graph, scenario, [], country, options);
  const ranked: LeverResilience[] = [];
  for (const lever of levers) {
    const takenAway = await resilienceWithout(graph, scenario, [lever], country, options);
    ranked.push({
      lever: lever.name,
      pillar: lever.pillar,
      takenAway,
      lossAvoided: {
        shareDays: sixDigits(takenAway.resilienceLoss.shareDays - allKept.resilienceLoss.shareDays),
        tonneDays: sixDigits(takenAway.resilienceLoss.tonneDays - allKept.resilienceLoss.tonneDays),
      },
    });
  }
  ranked.sort(
    (a, b) =>
      b.lossAvoided.shareDays - a.lossAvoided.shareDays ||
      (a.lever < b.lever ? -1 : a.lever > b.lever ? 1 : 0),
  );
  return { country, scenario: scenario.name, allKept, levers: ranked };
}
