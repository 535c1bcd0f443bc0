/**
 * Monte Carlo over `simulate`: draw every ranged value the simulation reads (as `monteCarlo` does for the yearly
 * served demand: triangular around the file's value by default, `draws.ts`), run the period-by-period simulation
 * of each sample, and summarise each country's time-to-survive, deepest fraction, time-to-recover and
 * resilience loss by their median and 5th-95th percentiles.
 *
 * Times are censored by the horizon: a sample that never runs short (or never recovers) within it has no number
 * for that figure, only "beyond the horizon". Those samples sort after every number and a percentile that lands
 * on them is null (`censoredIntervalOf`); `shortShare` says how many samples ran short at all. Time-to-recover
 * counts only the samples that ran short (it does not apply to the others).
 *
 * Determinism: as `monteCarlo`, sample i's values depend only on (seed, i, input name), whatever the threads.
 * Cost: one whole simulation per sample (seconds on the bundled graphs, see docs/simulate.md), so a few hundred
 * samples, not thousands.
 */
import type { SupplyGraph } from "../model/types.js";
import { applyScenario } from "../scenario/apply-scenario.js";
import type { Scenario } from "../scenario/types.js";
import { SIMULATION_FIGURES } from "./_simulation-columns.js";
import type { SampledSimulateSettings } from "./_simulation-figures.js";
import type { Distribution } from "./draws.js";
import { evaluatePoints, type Point } from "./evaluate-points.js";
import { checkSampling, planFor } from "./monte-carlo.js";
import { type CensoredInterval, censoredIntervalOf, type Interval, intervalOf } from "./quantiles.js";
import { type RangedInput, rangedInputs } from "./ranged-inputs.js";

export type { SampledSimulateSettings };

/** Options of `sampledSimulation`. */
export interface SampledSimulationOptions {
  /** Number of samples (default 100: each is a whole simulation). */
  samples?: number;
  /** Seed of the draws, a non-negative safe integer (default 1). */
  seed?: number;
  /** How ranged values are drawn (default `triangular`, mode at the file's value). */
  distribution?: Distribution;
  /** `simulate`'s options for every sample (horizon, step, …; default: `simulate`'s defaults). */
  simulate?: SampledSimulateSettings;
  /** Countries to summarise (default: every country with a consumer under the scenario). */
  countries?: string[] | undefined;
  /** Worker threads (default 1: this thread); the result does not depend on it. */
  threads?: number;
  /** Called as samples finish: (done, total). */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export const DEFAULT_SAMPLED_SIMULATION_OPTIONS = {
  samples: 100,
  seed: 1,
  distribution: "triangular" as Distribution,
  simulate: {} as SampledSimulateSettings,
  threads: 1,
};

/** A country's sampled resilience figures (days, fractions, tonne-days and share-days as in `simulate`). */
export interface CountrySimulationIntervals {
  /** Share of the samples in which the country runs short within the horizon. */
  shortShare: number;
  timeToSurvive: CensoredInterval;
  deepestFraction: Interval;
  /** Over the samples that run short only; null percentiles = not back within the horizon. */
  timeToRecover: CensoredInterval;
  resilienceLoss: { tonneDays: Interval; shareDays: Interval };
}

/** The result of `sampledSimulation`. */
export interface SampledSimulation {
  samples: { n: number; seed: number };
  distribution: Distribution;
  /** The inputs drawn (sorted: nodes, then edges; by id, then attribute). */
  inputs: RangedInput[];
  /** Country code → intervals; keys sorted. */
  countries: Record<string, CountrySimulationIntervals>;
}

/**
 * Whether the simulation reads an input: every rangeable value but `valuePerYear`, which moves only the money
 * loss (not sampled here). Stocks, lead times and recovery days matter over time, unlike in the yearly model.
 */
export function movesSimulation(input: RangedInput): boolean {
  return input.attribute !== "valuePerYear";
}

/**
 * Monte Carlo of `simulate` on `graph` under `scenario` (see the module comment).
 * @throws UsageError for a bad sample count, seed, horizon or step; ScenarioError for a scenario that matches
 *   nothing
 */
export async function sampledSimulation(
  graph: SupplyGraph,
  scenario: Scenario,
  options: SampledSimulationOptions = {},
): Promise<SampledSimulation> {
  const {
    samples: n,
    seed,
    distribution,
    threads,
    simulate,
  } = {
    ...DEFAULT_SAMPLED_SIMULATION_OPTIONS,
    ...options,
  };
  checkSampling(n, seed);
  const base = planFor(graph, scenario, { seed, distribution, countries: options.countries });
  const inputs = rangedInputs(graph, scenario, applyScenario(graph, scenario)).filter(movesSimulation);
  const plan = { ...base, inputs, simulate };
  const points: Point[] = Array.from({ length: n }, (_, sample) => ({ sample, stream: 0 }));
  // One sample is a whole simulation: chunks of one keep both threads busy and the progress bar moving.
  const rows = await evaluatePoints(graph, plan, points, {
    threads,
    chunk: 1,
    onProgress: options.onProgress,
  });
  const per = SIMULATION_FIGURES.length;
  const width = per * plan.countries.length;
  const countries: Record<string, CountrySimulationIntervals> = {};
  plan.countries.forEach((code, c) => {
    const column = (k: number) => Float64Array.from({ length: n }, (_, i) => rows[i * width + c * per + k]!);
    const survive = column(0);
    const applies = survive.filter((v) => !Number.isNaN(v));
    countries[code] = {
      shortShare: applies.length ? applies.filter(Number.isFinite).length / applies.length : 0,
      timeToSurvive: censoredIntervalOf(survive),
      deepestFraction: intervalOf(column(1)),
      timeToRecover: censoredIntervalOf(column(2)),
      resilienceLoss: { tonneDays: intervalOf(column(3)), shareDays: intervalOf(column(4)) },
    };
  });
  return { samples: { n, seed }, distribution, inputs, countries };
}
