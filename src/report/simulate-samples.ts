/**
 * Sampled intervals in the `simulate` report (`--samples`, docs/uncertainty.md): text and Markdown write a
 * figure as "30 (21-39)", the point value (the file's values) then the 5th-95th percentile; a percentile beyond
 * the horizon prints as ">365". JSON puts the intervals beside each figure (`timeToSurviveInterval`, …).
 */
import type { SampledSimulation } from "../uncertainty/sampled-simulation.js";
import type { CensoredInterval, Interval } from "../uncertainty/quantiles.js";
import type { Simulation } from "../simulate/types.js";
import { percent, quantity } from "./table.js";

/** The sampled figures of a simulation, as the reports show them (the inputs by count). */
export type SimulationIntervals = Omit<SampledSimulation, "inputs"> & { inputs: number };

/** The report's view of a sampled run. */
export function simulationIntervals(run: SampledSimulation): SimulationIntervals {
  return {
    samples: run.samples,
    distribution: run.distribution,
    inputs: run.inputs.length,
    countries: run.countries,
  };
}

/** "30 (21-39)"; a null point value prints "-", a null percentile ">horizon". */
export function daysInterval(value: number | null, interval: CensoredInterval | undefined, horizon: number) {
  const point = value === null ? "-" : `${value}`;
  if (!interval) return point;
  const bound = (x: number | null) => (x === null ? `>${horizon}` : `${x}`);
  return `${point} (${bound(interval.p05)}-${bound(interval.p95)})`;
}

/** "40.0% (31.2-48.5)". */
export function fractionInterval(value: number, interval: Interval | undefined) {
  if (!interval || Number.isNaN(interval.p05)) return percent(value);
  return `${percent(value)} (${percent(interval.p05).slice(0, -1)}-${percent(interval.p95).slice(0, -1)})`;
}

/** "15 (9.2-21)". */
export function amountInterval(value: number, interval: Interval | undefined) {
  if (!interval || Number.isNaN(interval.p05)) return quantity(value);
  return `${quantity(value)} (${quantity(interval.p05)}-${quantity(interval.p95)})`;
}

/** One sentence on how the intervals were made. */
export function simulationIntervalNote(i: SimulationIntervals, horizon: number): string {
  return (
    `Intervals: 5th-95th percentile over ${i.samples.n} samples (seed ${i.samples.seed}) of ${i.inputs} ` +
    `uncertain inputs drawn ${i.distribution}; the first figure uses the file's values; >${horizon} = beyond ` +
    "the horizon; time to recover over the samples that run short."
  );
}

/**
 * The simulation with the sampled fields: `samples: {n, seed}`, `distribution`, `uncertainInputs`, and on each
 * country `shortShare`, `timeToSurviveInterval`, `deepestFractionInterval`, `timeToRecoverInterval` and
 * `resilienceLossInterval: {tonneDays, shareDays}` (each `{p05, p50, p95}`, null = beyond the horizon).
 */
export function simulationWithIntervals(sim: Simulation, intervals: SimulationIntervals | undefined) {
  if (!intervals) return sim;
  const countries: Record<string, object> = {};
  for (const [code, c] of Object.entries(sim.countries)) {
    const i = intervals.countries[code];
    countries[code] = i
      ? {
          ...c,
          shortShare: i.shortShare,
          timeToSurviveInterval: i.timeToSurvive,
          deepestFractionInterval: i.deepestFraction,
          timeToRecoverInterval: i.timeToRecover,
          resilienceLossInterval: i.resilienceLoss,
        }
      : c;
  }
  return {
    ...sim,
    countries,
    samples: intervals.samples,
    distribution: intervals.distribution,
    uncertainInputs: intervals.inputs,
  };
}
