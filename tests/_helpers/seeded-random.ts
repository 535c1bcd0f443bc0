/**
 * A seeded pseudo-random number in [0, 1), from a linear congruential generator (the C library's constants,
 * 31 bits): for tests that rename ids or shuffle rows from a fast-check seed, the same sequence every run.
 */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}
