/** Floating-point noise removal, applied the same way to every number the flow reports. */

/** |x| < 1e-9 → 0; otherwise 12 significant digits (LP solutions carry ~1e-12 relative noise). */
export function clean(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) < 1e-9) return 0;
  return Number(x.toPrecision(12));
}

/** Compare ids the same way everywhere (code-unit order, like Array.prototype.sort). */
export function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
