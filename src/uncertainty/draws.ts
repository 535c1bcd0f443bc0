/**
 * The random part of the Monte Carlo: a uniform number for every (sample, stream, input), and the value it
 * maps to under the input's distribution.
 *
 * Distribution: triangular with its mode at the file's value, by default. A range says "the value is probably
 * about X, surely within [low, high]": the three-point estimate of cost and schedule analysis, for which the
 * triangular law is the standard minimal choice (it uses the point estimate, unlike the uniform, and needs no
 * shape parameter, unlike PERT). `uniform` is offered for ranges whose value is no better than any other.
 */
import { fnv1a32, philox4x32 } from "./_philox.js";

/** How a ranged value is drawn. */
export type Distribution = "triangular" | "uniform";

/** The distributions, default first. */
export const DISTRIBUTIONS: readonly Distribution[] = ["triangular", "uniform"];

/** One uncertain value: its nominal `value` and its interval. */
export interface DrawnRange {
  value: number;
  low: number;
  high: number;
}

/**
 * The value at cumulative probability `u` ∈ [0, 1) (the inverse CDF), so one uniform number makes one draw and
 * a degenerate range (low = high) always gives its value.
 */
export function valueAt(range: DrawnRange, u: number, distribution: Distribution = "triangular"): number {
  const { value: c, low: a, high: b } = range;
  if (b <= a) return c;
  if (distribution === "uniform") return a + u * (b - a);
  const split = (c - a) / (b - a);
  const v = u < split ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
  return Math.min(b, Math.max(a, v)); // rounding must not step outside the range
}

/**
 * The counter words of each input, derived from its name (`kind\0id\0attribute`) so that an input's draws do
 * not depend on which other inputs exist or their order; names whose hash collides get distinct fourth words,
 * in name order.
 */
export function inputCounters(names: readonly string[]): Array<readonly [number, number]> {
  const seen = new Map<number, number>();
  const order = names.map((n, i) => [n, i] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const out: Array<readonly [number, number]> = new Array(names.length);
  for (const [name, i] of order) {
    const h = fnv1a32(name);
    const n = seen.get(h) ?? 0;
    seen.set(h, n + 1);
    out[i] = [h, n];
  }
  return out;
}

const scratch = new Uint32Array(4);

/**
 * The uniform number in [0, 1) of (seed; sample, stream, input counter): Philox4x32-10 with the seed as key,
 * 53 bits from two output words.
 */
export function uniformAt(
  seed: number,
  sample: number,
  stream: number,
  counter: readonly [number, number],
): number {
  philox4x32(
    sample,
    stream,
    counter[0],
    counter[1],
    seed % 4294967296,
    Math.floor(seed / 4294967296),
    scratch,
  );
  return (scratch[0]! * 2097152 + (scratch[1]! >>> 11)) / 9007199254740992;
}
