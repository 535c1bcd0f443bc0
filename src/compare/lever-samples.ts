/**
 * The sampled part of `levers` (`levers --samples`): how sure is the ranking of a country's pillars, given the
 * ranges on the data? For every sample of the ranged values, each pillar's marginal gain (the country's served
 * share with every pillar in place minus with this one taken away) is computed, and the pillar with the largest
 * gain "ranks first" in that sample. Reported: each pillar's gain as a 5th-50th-95th percentile interval and the
 * share of samples in which it ranks first (ties share the sample equally).
 *
 * Each variant (every pillar kept; each taken away) is its own Monte Carlo on the levered graph with the same
 * seed, so an input gets the same draw in every variant (draws are keyed by the input's name): the gains are
 * differences of paired samples. A lever's edited values replace their ranges (`applyLevers`).
 */
import type { FlowObjective } from "../flow/_solve-flow.js";
import { applyLevers } from "../levers/apply-lever.js";
import type { Lever } from "../levers/types.js";
import type { SupplyGraph } from "../model/types.js";
import { composeScenarios } from "../scenario/compose.js";
import type { Scenario } from "../scenario/types.js";
import type { Distribution } from "../uncertainty/draws.js";
import { monteCarlo } from "../uncertainty/monte-carlo.js";
import { type Interval, intervalOf } from "../uncertainty/quantiles.js";

/** Options of `leverSamples`. */
export interface LeverSamplesOptions {
  samples?: number;
  seed?: number;
  distribution?: Distribution;
  /** Served-demand objective (default `proportional`, as `leverContributions`). */
  objective?: FlowObjective;
  threads?: number;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export const DEFAULT_LEVER_SAMPLES_OPTIONS = {
  samples: 1000,
  seed: 1,
  distribution: "triangular" as Distribution,
  objective: "proportional" as FlowObjective,
  threads: 1,
};

/** One pillar's sampled gain and how often it ranks first. */
export interface LeverSample {
  lever: string;
  pillar: string;
  /** The marginal gain in served share (all pillars − this one taken away). */
  marginal: Interval;
  /** Share of samples in which this pillar's marginal gain is the largest. */
  first: number;
}

/** The sampled lever ranking. */
export interface LeverSamples {
  samples: { n: number; seed: number };
  distribution: Distribution;
  objective: FlowObjective;
  country: string;
  /** The country's served share with every pillar in place. */
  allKept: Interval;
  /** In the order of the levers given. */
  levers: LeverSample[];
}

/** Sample the pillars' marginal gains (see the module comment). @throws ScenarioError like `leverContributions` */
export async function leverSamples(
  graph: SupplyGraph,
  scenario: Scenario,
  levers: Lever[],
  country: string,
  options: LeverSamplesOptions = {},
): Promise<LeverSamples> {
  const o = { ...DEFAULT_LEVER_SAMPLES_OPTIONS, ...options };
  const variants = [null, ...levers];
  const shares: Float64Array[] = [];
  for (const [v, lever] of variants.entries()) {
    const levered = applyLevers(graph, lever ? [lever] : []);
    const combined = lever ? composeScenarios([scenario, levered.scenario]) : scenario;
    const mc = await monteCarlo(
      levered.graph,
      { ...combined, name: scenario.name },
      {
        samples: o.samples,
        seed: o.seed,
        distribution: o.distribution,
        objective: o.objective,
        threads: o.threads,
        countries: [country],
        onProgress: (done) => o.onProgress?.(v * o.samples + done, variants.length * o.samples),
      },
    );
    // A country without demand in a sample is served nothing of nothing: 0, as `leverOutcome` counts it.
    shares.push(mc.countries[country]!.fraction.map((x) => (Number.isNaN(x) ? 0 : x)));
  }
  const all = shares[0]!;
  const gains = levers.map((_, l) => all.map((x, j) => x - shares[l + 1]![j]!));
  const first = new Float64Array(levers.length);
  for (let j = 0; j < o.samples; j++) {
    let best = Number.NEGATIVE_INFINITY;
    for (const g of gains) best = Math.max(best, g[j]!);
    // Gains within LP noise of the best tie, and share the sample.
    const tied = gains.map((g) => g[j]! >= best - 1e-9);
    const k = tied.filter(Boolean).length;
    tied.forEach((t, l) => {
      if (t) first[l]! += 1 / k;
    });
  }
  return {
    samples: { n: o.samples, seed: o.seed },
    distribution: o.distribution,
    objective: o.objective,
    country,
    allKept: intervalOf(all),
    levers: levers.map((lever, l) => ({
      lever: lever.name,
      pillar: lever.pillar,
      marginal: intervalOf(gains[l]!),
      first: Number((first[l]! / o.samples).toPrecision(12)),
    })),
  };
}
