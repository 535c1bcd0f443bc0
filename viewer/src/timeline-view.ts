/**
 * The timeline's data: the library's `simulate` result (src/simulate), flattened for the page, and the pure
 * functions the panels and the marks layer read at a chosen period. Nothing here simulates: the timeline worker
 * runs `simulate` and posts `toTimelineData` of its result.
 */
import type { Simulation } from "../../src/simulate/types.js";

/** One period, keyed for lookups. */
export interface TimelinePeriod {
  /** First day of the period. */
  day: number;
  days: number;
  /** Consumer id → served fraction in the period. */
  consumers: Record<string, number>;
  /** Stock id → tonnes left at the end of the period. */
  stocks: Record<string, number>;
  /** Country code → served fraction in the period. */
  countries: Record<string, number>;
}

/** A simulation as the page holds it (structured-clone friendly). */
export interface TimelineData {
  scenarioName: string;
  horizon: number;
  step: number;
  /** Calendar date of day 0, when known. */
  startDate: string | null;
  periods: TimelinePeriod[];
  /** Stock id → tonnes held at day 0. */
  initialStocks: Record<string, number>;
}

/** The simulation → the page's data. */
export function toTimelineData(sim: Simulation): TimelineData {
  return {
    scenarioName: sim.scenario,
    horizon: sim.horizon,
    step: sim.step,
    startDate: sim.startDate,
    periods: sim.periods.map((p) => ({
      day: p.day,
      days: p.days,
      consumers: Object.fromEntries(p.consumers.map((c) => [c.id, c.fraction])),
      stocks: Object.fromEntries(p.stocks.map((s) => [s.id, s.left])),
      countries: Object.fromEntries(Object.entries(p.countries).map(([code, c]) => [code, c.fraction])),
    })),
    initialStocks: Object.fromEntries(sim.stocks.map((s) => [s.id, s.initial])),
  };
}

/** The period at `index`, clamped to the simulation. */
export function periodAt(data: TimelineData, index: number): TimelinePeriod | null {
  if (data.periods.length === 0) return null;
  return data.periods[Math.max(0, Math.min(data.periods.length - 1, Math.round(index)))]!;
}

/** Calendar date `days` after `start` (yyyy-mm-dd). */
function dateAfter(start: string, days: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** "Day 84 of 365 (2025-03-26)". */
export function dayLabel(data: TimelineData, index: number): string {
  const p = periodAt(data, index);
  if (!p) return "No periods";
  const date = data.startDate ? ` (${dateAfter(data.startDate, p.day)})` : "";
  return `Day ${p.day} of ${data.horizon}${date}`;
}

/** What the marks layer draws at a period: unserved wedges on consumers, stock-left arcs on stocks. */
export function marksAt(
  data: TimelineData,
  index: number,
): { starved: Map<string, number>; stocks: Map<string, number> } {
  const p = periodAt(data, index);
  const starved = new Map<string, number>();
  const stocks = new Map<string, number>();
  if (!p) return { starved, stocks };
  for (const [id, f] of Object.entries(p.consumers)) if (f < 0.999) starved.set(id, Math.max(0, f));
  for (const [id, left] of Object.entries(p.stocks)) {
    const initial = data.initialStocks[id] ?? 0;
    if (initial > 0) stocks.set(id, Math.max(0, Math.min(1, left / initial)));
  }
  return { starved, stocks };
}

/** A node's figures at a period, as one line of text; null when the simulation reports nothing for it. */
export function nodeReadout(data: TimelineData, index: number, node: string): string | null {
  const p = periodAt(data, index);
  if (!p) return null;
  const parts: string[] = [];
  const served = p.consumers[node];
  if (served !== undefined) parts.push(`served ${(served * 100).toFixed(1)}%`);
  const left = p.stocks[node];
  if (left !== undefined) {
    const initial = data.initialStocks[node] ?? 0;
    parts.push(`stock ${formatTonnes(left)} of ${formatTonnes(initial)} t left`);
  }
  return parts.length ? `${node}: ${parts.join(", ")}` : null;
}

function formatTonnes(x: number): string {
  return x.toLocaleString("en-US", { maximumFractionDigits: Math.abs(x) >= 100 ? 0 : 1 });
}

/** A country's served fraction per period, as (day, fraction) points; empty when it has no consumers. */
export function countryCurve(data: TimelineData, code: string): Array<{ day: number; fraction: number }> {
  return data.periods
    .filter((p) => p.countries[code] !== undefined)
    .map((p) => ({ day: p.day, fraction: p.countries[code]! }));
}
