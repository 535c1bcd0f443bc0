/**
 * The sampled part of a comparison (`compare --samples`): for each column (graph × scenario), a Monte Carlo of
 * the served demand over the ranged values, each country's served share as a 5th-50th-95th percentile interval,
 * and for each pair of countries the probability that the first is served a smaller share than the second.
 * Shares of one sample come from one solve, so the pairs are compared sample by sample (paired draws).
 */
import type { FlowObjective } from "../flow/_solve-flow.js";
import type { Distribution } from "../uncertainty/draws.js";
import { monteCarlo } from "../uncertainty/monte-carlo.js";
import { type Interval, probabilityBelow } from "../uncertainty/quantiles.js";
import type { CompareInput } from "./compare.js";

/** Options of `compareSamples`. */
export interface CompareSamplesOptions {
  samples?: number;
  seed?: number;
  distribution?: Distribution;
  /** Served-demand objective (default: `servedDemand`'s own). */
  objective?: FlowObjective | undefined;
  threads?: number;
  /** (done, total) over all columns. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export const DEFAULT_COMPARE_SAMPLES_OPTIONS = {
  samples: 1000,
  seed: 1,
  distribution: "triangular" as Distribution,
  threads: 1,
};

/** One column's sampled figures. */
export interface ColumnSamples {
  label: string;
  /** How many uncertain inputs were drawn in this column. */
  inputs: number;
  /** Country → served share (served / demand) interval; countries without consumers are left out. */
  servedFraction: Record<string, Interval>;
  /** P(a's served share < b's) for each pair a before b in the countries' order. */
  below: Array<{ a: string; b: string; probability: number }>;
}

/** The sampled comparison. */
export interface CompareSamples {
  samples: { n: number; seed: number };
  distribution: Distribution;
  objective: FlowObjective | "default";
  columns: ColumnSamples[];
}

/** Sample each column of a comparison (see the module comment). */
export async function compareSamples(
  inputs: CompareInput[],
  countries: string[],
  options: CompareSamplesOptions = {},
): Promise<CompareSamples> {
  const o = { ...DEFAULT_COMPARE_SAMPLES_OPTIONS, ...options };
  const columns: ColumnSamples[] = [];
  for (const [i, input] of inputs.entries()) {
    const mc = await monteCarlo(input.graph, input.scenario, {
      samples: o.samples,
      seed: o.seed,
      distribution: o.distribution,
      objective: o.objective,
      threads: o.threads,
      countries,
      onProgress: (done) => o.onProgress?.(i * o.samples + done, inputs.length * o.samples),
    });
    const servedFraction: Record<string, Interval> = {};
    for (const code of countries) {
      const interval = mc.intervals.countries[code]?.fraction;
      if (interval && !Number.isNaN(interval.p50)) servedFraction[code] = interval;
    }
    const below: ColumnSamples["below"] = [];
    countries.forEach((a, k) => {
      for (const b of countries.slice(k + 1))
        below.push({
          a,
          b,
          probability: probabilityBelow(mc.countries[a]!.fraction, mc.countries[b]!.fraction),
        });
    });
    columns.push({
      label: input.label ?? input.scenario.name,
      inputs: mc.inputs.length,
      servedFraction,
      below,
    });
  }
  return {
    samples: { n: o.samples, seed: o.seed },
    distribution: o.distribution,
    objective: o.objective ?? "default",
    columns,
  };
}
