/**
 * Monte Carlo over the ranged inputs: draw every ranged value independently (triangular around the file's value
 * by default, see `draws.ts`), solve the served demand of each sample with `servedDemand`, and summarise every
 * headline figure (served fraction of each country, total served) by its median and 5th-95th percentiles.
 *
 * Why sample instead of propagating intervals: served demand is the optimum of an LP, a piecewise-linear and
 * non-monotone function of capacities and recipes (more of one input can shift a bottleneck elsewhere), so
 * interval arithmetic would be far too wide and there is no closed form; a few hundred solves are cheap.
 *
 * Determinism: sample i's values depend only on (seed, i, input name) (`draws.ts`), and samples are solved
 * independently, so the result is the same for any number of threads and any completion order.
 */
import type { FlowObjective } from "../flow/_solve-flow.js";
import { DEFAULT_SERVED_DEMAND_OPTIONS } from "../flow/served-demand.js";
import { UsageError } from "../model/errors.js";
import type { SupplyGraph } from "../model/types.js";
import { applyScenario } from "../scenario/apply-scenario.js";
import type { Scenario } from "../scenario/types.js";
import type { Distribution } from "./draws.js";
import { type EvaluationPlan, evaluatePoints, figureCount, type Point } from "./evaluate-points.js";
import { type Interval, intervalOf } from "./quantiles.js";
import { type RangedInput, rangedInputs } from "./ranged-inputs.js";

/** Options of `monteCarlo`. */
export interface MonteCarloOptions {
  /** Number of samples (default 1000). */
  samples?: number;
  /** Seed of the draws, a non-negative safe integer (default 1). */
  seed?: number;
  /** How ranged values are drawn (default `triangular`, mode at the file's value). */
  distribution?: Distribution;
  /** Served-demand objective (default: `servedDemand`'s own default). */
  objective?: FlowObjective | undefined;
  /** Countries to summarise (default: every country with a consumer under the scenario). */
  countries?: string[] | undefined;
  /** Worker threads (default 1: this thread); the result does not depend on it. */
  threads?: number;
  /** Called as samples finish: (done, total). */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export const DEFAULT_MONTE_CARLO_OPTIONS = {
  samples: 1000,
  seed: 1,
  distribution: "triangular" as Distribution,
  threads: 1,
};

/** A country's sampled figures. */
export interface CountrySamples {
  /** Served / demand of the country's consumers, per sample (NaN when it demands nothing in a sample). */
  fraction: Float64Array;
  /** Served per year, per sample. */
  served: Float64Array;
}

/** The Monte Carlo result: the per-sample figures and their intervals. */
export interface MonteCarlo {
  samples: { n: number; seed: number };
  distribution: Distribution;
  /** The inputs drawn (sorted: nodes, then edges; by id, then attribute). */
  inputs: RangedInput[];
  /** Per sample: total served / total demand, and total served per year. */
  fraction: Float64Array;
  totalServed: Float64Array;
  /** Country code → per-sample figures; keys sorted. */
  countries: Record<string, CountrySamples>;
  /** The 5th, 50th and 95th percentiles of each figure above. */
  intervals: {
    fraction: Interval;
    totalServed: Interval;
    countries: Record<string, { fraction: Interval; served: Interval }>;
  };
}

/** Check a seed and a sample count. @throws UsageError (E_USAGE) */
export function checkSampling(samples: number, seed: number): void {
  if (!Number.isSafeInteger(samples) || samples < 1)
    throw new UsageError(`the number of samples must be a positive integer, got ${samples}`, "e.g. 1000");
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new UsageError(`the seed must be a non-negative integer, got ${seed}`, "e.g. 1");
}

/** The evaluation plan of a graph under a scenario (the countries default to those with consumers). */
export function planFor(
  graph: SupplyGraph,
  scenario: Scenario,
  options: {
    seed: number;
    distribution: Distribution;
    objective?: FlowObjective | undefined;
    countries?: string[] | undefined;
  },
): EvaluationPlan {
  const applied = applyScenario(graph, scenario);
  const inputs = rangedInputs(graph, scenario, applied).filter(movesServedDemand);
  const countries =
    options.countries ??
    [
      ...new Set(
        graph
          .filterNodes((id, a) => (a.demand ?? 0) > 0 && !applied.nodeOut.has(id))
          .map((id) => graph.getNodeAttribute(id, "country")),
      ),
    ].sort();
  return {
    scenario,
    objective: options.objective ?? DEFAULT_SERVED_DEMAND_OPTIONS.objective,
    inputs,
    seed: options.seed,
    distribution: options.distribution,
    countries,
  };
}

/**
 * Whether an input can change the served demand: the flow model reads capacities, demands, recipe amounts and
 * edge volumes only (src/flow/flow-model.ts). Lead times, recovery days, values and stocks are left out of the
 * draws: two solves per input in the swings, and noise in the Sobol design, for nothing
 * (tests/uncertainty/monte-carlo.test.ts checks that they move no figure).
 */
export function movesServedDemand(input: RangedInput): boolean {
  if (input.kind === "edge") return input.attribute === "capacity" || input.attribute === "volume";
  return (
    input.attribute === "capacity" || input.attribute === "demand" || input.attribute.startsWith("recipe.")
  );
}

/** Split evaluated rows into per-figure columns. */
export function samplesOf(plan: EvaluationPlan, rows: Float64Array, n: number) {
  const width = figureCount(plan);
  const fraction = new Float64Array(n);
  const totalServed = new Float64Array(n);
  const countries: Record<string, CountrySamples> = {};
  for (const code of plan.countries)
    countries[code] = { fraction: new Float64Array(n), served: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const row = i * width;
    fraction[i] = rows[row]! > 0 ? rows[row + 1]! / rows[row]! : Number.NaN;
    totalServed[i] = rows[row + 1]!;
    plan.countries.forEach((code, c) => {
      const demand = rows[row + 2 + 2 * c]!;
      const served = rows[row + 3 + 2 * c]!;
      countries[code]!.fraction[i] = demand > 0 ? served / demand : Number.NaN;
      countries[code]!.served[i] = served;
    });
  }
  return { fraction, totalServed, countries };
}

/**
 * Monte Carlo of the served demand of `graph` under `scenario` (see the module comment).
 * @throws UsageError for a bad sample count or seed; ScenarioError for a scenario that matches nothing
 */
export async function monteCarlo(
  graph: SupplyGraph,
  scenario: Scenario,
  options: MonteCarloOptions = {},
): Promise<MonteCarlo> {
  const { samples: n, seed, distribution, threads } = { ...DEFAULT_MONTE_CARLO_OPTIONS, ...options };
  checkSampling(n, seed);
  const plan = planFor(graph, scenario, {
    seed,
    distribution,
    objective: options.objective,
    countries: options.countries,
  });
  const points: Point[] = Array.from({ length: n }, (_, sample) => ({ sample, stream: 0 }));
  const rows = await evaluatePoints(graph, plan, points, { threads, onProgress: options.onProgress });
  const { fraction, totalServed, countries } = samplesOf(plan, rows, n);
  const countryIntervals: Record<string, { fraction: Interval; served: Interval }> = {};
  for (const code of plan.countries)
    countryIntervals[code] = {
      fraction: intervalOf(countries[code]!.fraction),
      served: intervalOf(countries[code]!.served),
    };
  return {
    samples: { n, seed },
    distribution,
    inputs: plan.inputs,
    fraction,
    totalServed,
    countries,
    intervals: {
      fraction: intervalOf(fraction),
      totalServed: intervalOf(totalServed),
      countries: countryIntervals,
    },
  };
}

/** The intervals of a run without its per-sample arrays: what the reports print (`report/intervals.ts`). */
export function monteCarloIntervals(mc: MonteCarlo) {
  return {
    samples: mc.samples,
    distribution: mc.distribution,
    inputs: mc.inputs.length,
    fraction: mc.intervals.fraction,
    totalServed: mc.intervals.totalServed,
    countries: mc.intervals.countries,
  };
}
