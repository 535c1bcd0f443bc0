/**
 * The simulation's clock: periods of `step` days over `horizon` days (the last one shorter when needed), the
 * calendar date of day 0, and how material shipped uniformly through one period arrives after a lead time.
 */
import { UsageError } from "../model/errors.js";

/** One period: [start, start + days). */
export interface Period {
  start: number;
  days: number;
}

/** The periods covering [0, horizon). @throws UsageError for a horizon or step that is not a positive whole number */
export function makePeriods(horizon: number, step: number): Period[] {
  for (const [name, value] of [
    ["horizon", horizon],
    ["step", step],
  ] as const) {
    if (!Number.isInteger(value) || value <= 0 || value > 36_500) {
      throw new UsageError(`${name} ${value} is not a number of days`, `a whole number from 1 to 36500`);
    }
  }
  const periods: Period[] = [];
  for (let start = 0; start < horizon; start += step)
    periods.push({ start, days: Math.min(step, horizon - start) });
  return periods;
}

/**
 * Share of a shipment made uniformly over period `from` that arrives within period `to`, after `lag` days:
 * the overlap of [from.start + lag, from.end + lag) with [to.start, to.end), over from.days. Exact for a flow that
 * is uniform within its period, the assumption of the whole model.
 */
export function arrivalShare(from: Period, to: Period, lag: number): number {
  const lo = Math.max(from.start + lag, to.start);
  const hi = Math.min(from.start + from.days + lag, to.start + to.days);
  return hi > lo ? (hi - lo) / from.days : 0;
}

/** Share of the material in transit at day 0 (shipped uniformly over [-lag, 0)) that arrives within `to`. */
export function inTransitShare(to: Period, lag: number): number {
  if (lag <= 0) return 0;
  const hi = Math.min(lag, to.start + to.days);
  return hi > to.start ? (hi - to.start) / lag : 0;
}

const DAY_MS = 86_400_000;

/** Days from `date` (yyyy-mm-dd) to 1 January of `year` (negative when that is earlier). */
export function daysToYear(date: string, year: number): number {
  return Math.round((Date.UTC(year, 0, 1) - Date.parse(`${date}T00:00:00Z`)) / DAY_MS);
}

/** The date `days` after `date` (yyyy-mm-dd; negative days go back). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
