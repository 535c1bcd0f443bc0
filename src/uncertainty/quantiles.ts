/**
 * Summaries of sampled figures: the 5th, 50th and 95th percentiles, and the probability that one figure is below
 * another. Percentiles interpolate linearly between order statistics (Hyndman & Fan 1996, definition 7: the
 * default of R and NumPy), so they are a pure function of the sample values.
 */

/** A sampled figure: its median and its 90% interval. */
export interface Interval {
  p05: number;
  p50: number;
  p95: number;
}

/** The `p`-quantile (0 ≤ p ≤ 1) of values sorted ascending; NaN when there are none. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The interval of a set of values; NaN values (a figure undefined in that sample) are left out. */
export function intervalOf(values: ArrayLike<number>): Interval {
  const finite = Float64Array.from(values).filter((v) => !Number.isNaN(v));
  finite.sort();
  // Round like the point figures are (12 significant digits), so sums that differ in the last bit print alike.
  const q = (p: number) => clean(quantileSorted(finite, p));
  return { p05: q(0.05), p50: q(0.5), p95: q(0.95) };
}

/** P(a below b) over paired samples (the same draws): the share of samples where a is strictly below b. */
export function probabilityBelow(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let below = 0;
  let counted = 0;
  for (let i = 0; i < a.length; i++) {
    if (Number.isNaN(a[i]!) || Number.isNaN(b[i]!)) continue;
    counted++;
    if (a[i]! < b[i]! - 1e-9) below++; // LP noise is not a difference
  }
  return counted === 0 ? Number.NaN : below / counted;
}

function clean(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(12)) : x;
}

/** A sampled figure that may lie beyond the end of what was observed (e.g. past a simulation's horizon). */
export interface CensoredInterval {
  /** null: the percentile lies beyond the horizon (or interpolates towards a sample that does). */
  p05: number | null;
  p50: number | null;
  p95: number | null;
}

/**
 * The interval of values where +Infinity stands for "beyond the horizon" (right-censored: sorted after every
 * number, value unknown). A percentile that falls on such a sample, or interpolates towards one, is null, so no
 * figure is made up past the horizon; NaN values (the figure does not apply) are left out. All null when no
 * value applies.
 */
export function censoredIntervalOf(values: ArrayLike<number>): CensoredInterval {
  const kept = Float64Array.from(values).filter((v) => !Number.isNaN(v));
  kept.sort();
  const q = (p: number): number | null => {
    const n = kept.length;
    if (n === 0) return null;
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(n - 1, lo + 1);
    if (!Number.isFinite(kept[lo]!) || (h > lo && !Number.isFinite(kept[hi]!))) return null;
    return clean(kept[lo]! + (h - lo) * (kept[hi]! - kept[lo]!));
  };
  return { p05: q(0.05), p50: q(0.5), p95: q(0.95) };
}
