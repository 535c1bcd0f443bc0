/**
 * What each policy pillar buys a country: every lever (a pillar taken away, see `src/levers/`) measured two ways
 * under a disruption scenario: taken away ALONE (the others in place: what the pillar adds on top of the rest)
 * and kept ALONE (every other lever taken away: what the pillar does on its own). Outcomes are the country's
 * served fraction, time-to-survive and losses, from `flowAnalysis` on the levered graph.
 */
import type { FlowObjective } from "../flow/_solve-flow.js";
import { flowAnalysis } from "../flow/flow-analysis.js";
import { applyLever, applyLevers } from "../levers/apply-lever.js";
import type { Lever, LeverChanges } from "../levers/types.js";
import type { SupplyGraph } from "../model/types.js";
import { applyScenario } from "../scenario/apply-scenario.js";
import { composeScenarios } from "../scenario/compose.js";
import type { Scenario } from "../scenario/types.js";

/** Options of `leverContributions`. */
export interface LeverContributionsOptions {
  /**
   * How served demand is decided (default `proportional`: contracts hold, no rerouting, so a pillar built for
   * Japan is measured as serving Japan; under `max-total` a shared shortfall may be split between countries
   * arbitrarily).
   */
  objective?: FlowObjective;
}

export const DEFAULT_LEVER_CONTRIBUTIONS_OPTIONS: Required<LeverContributionsOptions> = {
  objective: "proportional",
};

/** A country's outcome on one levered graph. */
export interface LeverOutcome {
  /** Served / demand of the country's consumers. */
  servedFraction: number;
  /** Served per year, in the graph's units. */
  served: number;
  /** Days the country's stocks bridge its shortfall; null when nothing is short. */
  timeToSurviveDays: number | null;
  /** Losses for disruptions of 90 and 365 days, in the graph's currency (0 when no consumer has a value). */
  losses90: number;
  losses365: number;
}

/** Differences of two outcomes (a − b); time-to-survive null when either is null. */
export interface OutcomeDelta {
  servedFraction: number;
  served: number;
  timeToSurviveDays: number | null;
  losses90: number;
  losses365: number;
}

/** One pillar's contribution. */
export interface LeverContribution {
  lever: string;
  pillar: string;
  description: string | null;
  /** The outcome with only this pillar taken away. */
  takenAway: LeverOutcome;
  /** The outcome with only this pillar left (all other levers taken away). */
  keptAlone: LeverOutcome;
  /** What the pillar adds on top of the others: all pillars − this one taken away. */
  marginal: OutcomeDelta;
  /** What the pillar does on its own: this one kept alone − none kept. */
  standalone: OutcomeDelta;
}

/** The result of `leverContributions`. */
export interface LeverContributions {
  country: string;
  scenario: string;
  objective: FlowObjective;
  /** Every pillar in place (the graph as it is). */
  allKept: LeverOutcome;
  /** Every pillar taken away. */
  noneKept: LeverOutcome;
  /** In the order of the levers given. */
  levers: LeverContribution[];
  /** Exactly what each lever changes on this graph (each applied alone). */
  changes: LeverChanges[];
}

/** The outcome for `country` on `graph` with `levers` taken away, under `scenario`. */
export async function leverOutcome(
  graph: SupplyGraph,
  scenario: Scenario,
  levers: Lever[],
  country: string,
  objective: FlowObjective,
): Promise<LeverOutcome> {
  const levered = applyLevers(graph, levers);
  const combined = levers.length ? composeScenarios([scenario, levered.scenario]) : scenario;
  const applied = applyScenario(levered.graph, combined);
  const result = await flowAnalysis(levered.graph, applied, { objective, attack: false });
  const c = result.flow.countries[country];
  const losses = result.losses.countries[country];
  const k90 = result.losses.durations.indexOf(90);
  const k365 = result.losses.durations.indexOf(365);
  return {
    servedFraction: c && c.demand > 0 ? c.fraction : 0,
    served: c?.served ?? 0,
    timeToSurviveDays: result.survival.countries[country]?.daysToSurvive ?? null,
    losses90: losses?.[k90] ?? 0,
    losses365: losses?.[k365] ?? 0,
  };
}

/** a − b. */
export function outcomeDelta(a: LeverOutcome, b: LeverOutcome): OutcomeDelta {
  return {
    servedFraction: a.servedFraction - b.servedFraction,
    served: a.served - b.served,
    timeToSurviveDays:
      a.timeToSurviveDays === null || b.timeToSurviveDays === null
        ? null
        : a.timeToSurviveDays - b.timeToSurviveDays,
    losses90: a.losses90 - b.losses90,
    losses365: a.losses365 - b.losses365,
  };
}

/**
 * Each lever's contribution for `country` under `scenario`.
 * @throws ScenarioError when a lever or the scenario does not fit the graph; FlowSolveError if the solver fails
 */
export async function leverContributions(
  graph: SupplyGraph,
  scenario: Scenario,
  levers: Lever[],
  country: string,
  options: LeverContributionsOptions = {},
): Promise<LeverContributions> {
  const { objective } = { ...DEFAULT_LEVER_CONTRIBUTIONS_OPTIONS, ...options };
  const allKept = await leverOutcome(graph, scenario, [], country, objective);
  const noneKept = await leverOutcome(graph, scenario, levers, country, objective);
  const contributions: LeverContribution[] = [];
  for (const lever of levers) {
    const takenAway = await leverOutcome(graph, scenario, [lever], country, objective);
    const others = levers.filter((l) => l !== lever);
    const keptAlone = await leverOutcome(graph, scenario, others, country, objective);
    contributions.push({
      lever: lever.name,
      pillar: lever.pillar,
      description: lever.description ?? null,
      takenAway,
      keptAlone,
      marginal: outcomeDelta(allKept, takenAway),
      standalone: outcomeDelta(keptAlone, noneKept),
    });
  }
  return {
    country,
    scenario: scenario.name,
    objective,
    allKept,
    noneKept,
    levers: contributions,
    // Each lever on the graph as it is, so `before` values are the file's, not another lever's.
    changes: levers.map((lever) => applyLever(graph, lever).changes[0]!),
  };
}
