/**
 * Seeded pseudo-random numbers (the generator, random attack orders, sampled betweenness): mulberry32 (Tommy Ettinger, 2017; public domain), a 32-bit
 * state generator that is fast, passes PractRand to 2^32 outputs and is the usual seeded choice in JavaScript
 * (d3-random's `randomLcg` plays the same role). Enough for synthetic data; not for cryptography.
 */

/** A seeded source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** mulberry32 seeded with the low 32 bits of `seed`; the same seed always gives the same sequence. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in [lo, hi] (both inclusive). */
export function randomInt(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

/** Index drawn from cumulative weights `cdf` (ascending, last = 1) by binary search. */
export function pickCumulative(rng: Rng, cdf: Float64Array): number {
  const u = rng();
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid]! > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
