/**
 * Sampled intervals in reports (docs/uncertainty.md): text and Markdown write a figure as "26.5% (23.1-32.4)",
 * the point value (the file's values) then the 5th-95th percentile of the Monte Carlo; JSON puts
 * `{p05, p50, p95}` beside each figure it samples.
 */
import type { Interval } from "../uncertainty/quantiles.js";
import { percent, quantity } from "./table.js";

/** The sampled figures of a served-demand run, as the reports show them. */
export interface FlowIntervals {
  samples: { n: number; seed: number };
  distribution: string;
  /** How many uncertain inputs were drawn. */
  inputs: number;
  /** Total served / total demand. */
  fraction: Interval;
  totalServed: Interval;
  countries: Record<string, { fraction: Interval; served: Interval }>;
}

/** "26.5% (23.1-32.4)", or the plain percentage without an interval. */
export function percentInterval(value: number, interval: Interval | undefined): string {
  if (!interval || Number.isNaN(interval.p05)) return percent(value);
  const bound = (x: number) => percent(x).slice(0, -1);
  return `${percent(value)} (${bound(interval.p05)}-${bound(interval.p95)})`;
}

/** "6,228 (5,010-7,113)", or the plain quantity. */
export function quantityInterval(value: number, interval: Interval | undefined): string {
  if (!interval || Number.isNaN(interval.p05)) return quantity(value);
  return `${quantity(value)} (${quantity(interval.p05)}-${quantity(interval.p95)})`;
}

/** One sentence on how the intervals were made, for the text and Markdown reports. */
export function intervalNote(intervals: FlowIntervals): string {
  return (
    `Intervals: 5th-95th percentile over ${intervals.samples.n} samples (seed ${intervals.samples.seed}) of ` +
    `${intervals.inputs} uncertain inputs drawn ${intervals.distribution}; the first figure uses the file's values.`
  );
}

/**
 * The `flow` JSON object with the sampled fields: `samples: {n, seed}`, `distribution`, `uncertainInputs`,
 * `fractionInterval` and `totalServedInterval` on the whole, and `fractionInterval`, `servedInterval` on each
 * entry of `countries`. Without intervals, the object unchanged.
 */
export function flowWithIntervals<F extends { countries: Record<string, object> }>(
  flow: F,
  intervals: FlowIntervals | undefined,
): F {
  if (!intervals) return flow;
  const countries: Record<string, object> = {};
  for (const [code, c] of Object.entries(flow.countries)) {
    const i = intervals.countries[code];
    countries[code] = i ? { ...c, fractionInterval: i.fraction, servedInterval: i.served } : c;
  }
  return {
    ...flow,
    countries,
    samples: intervals.samples,
    distribution: intervals.distribution,
    uncertainInputs: intervals.inputs,
    fractionInterval: intervals.fraction,
    totalServedInterval: intervals.totalServed,
  };
}
