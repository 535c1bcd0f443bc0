/** Floating-point noise removal, applied the same way to every number the flow reports. */

/**
 * |x| < 1e-9 → 0; otherwise 10 significant digits. LP optima are exact only to the solver's tolerance, and two
 * optimal bases (e.g. after renaming nodes) can differ in the last digits; 10 digits hide that noise.
 */
export function clean(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) < 1e-9) return 0;
  return Number(x.toPrecision(10));
}

/**
 * Figures of a second optimisation on top of an allocation (routed edge flows, stock releases and the days
 * they last): 6 significant digits. The routing holds each consumer within 10^-7 of its level (see
 * `_solve-flow.ts`), so finer digits would show that band, not the network.
 */
export function cleanFlow(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) < 1e-6) return 0;
  return Number(x.toPrecision(6));
}

/** Compare ids the same way everywhere (code-unit order, like Array.prototype.sort). */
export function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The grid tonne figures of an allocation are reported on: 10^-7 of the graph's demand scale, rounded up to a
 * power of ten (0.1 t for the bundled 2025 graph). LP optima are feasible only within the solver's tolerance
 * (~10^-7 absolute, plus the 10^-10 relative slack on a held total), so finer digits would show which optimal
 * basis the solver stopped at, i.e. depend on node ids. Fractions are computed from the rounded tonnes.
 */
export function quantum(scale: number): number {
  return 10 ** (Math.ceil(Math.log10(Math.max(scale, 1))) - 7);
}

/**
 * How close to half a grid step a figure must be to count as exactly half: 5% of a step. Optima often sit
 * exactly halfway (53/160 × 76 t = 25.175 t on a 0.01 t grid; a country's 7,473.95 t on a 0.1 t grid), and the
 * solver's path then decides the side: 25.17500000000003 on one simplex path, 25.174999999999994 on another. A
 * sum over a country's consumers carries their noise too: 7,473.9497 t from a fresh model and 7,473.9501 t from
 * a reused one (tests/uncertainty/reused-model.test.ts), 0.4% of a step apart. Figures near halfway but not on
 * it are rare in data, so a band wider than any noise seen costs at most 5% of a step of rounding.
 */
const TIE_BAND = 0.05;

/**
 * x on the grid of `q`, with float noise removed. Rounds to the nearest step; a figure within `TIE_BAND` of
 * halfway is a tie and goes up, so which optimal vertex the solver stopped at cannot choose the step.
 */
export function quantize(x: number, q: number): number {
  const r = x / q;
  const below = Math.floor(r);
  const steps = Math.abs(r - below - 0.5) <= TIE_BAND ? below + 1 : Math.round(r);
  return clean(steps * q);
}
