/**
 * Resilience figures from the periods of a run: per country the time-to-survive, the deepest drop, the
 * time-to-recover and the resilience loss (the area between demand and served demand over time; Bruneau et al.,
 * "A framework to quantitatively assess and enhance the seismic resilience of communities", Earthquake Spectra
 * 19(4), 2003), and the money lost from that area.
 */
import { byId } from "../flow/_clean.js";
import { RECOVERED_FRACTION } from "./assumptions.js";
import type { Period } from "./_periods.js";
import type { SimNetwork } from "./_network.js";
import type { RunResult } from "./_run.js";
import { FULL_TOLERANCE } from "./_stages.js";
import type { CountryResilience, SimulationPeriod } from "./types.js";

const FULL = 1 - FULL_TOLERANCE;

/**
 * A figure of the simulation to 6 significant digits: each stage keeps the levels of the stages before it within a
 * relative 1e-7, so digits past the sixth are solver noise (the yearly model's `clean` keeps 12).
 */
export function tidy(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) < 1e-9) return 0;
  return Number(x.toPrecision(6));
}

/** Stock left, with solver noise around an empty stock read as empty. */
const left = (x: number, initial: number) => (x < initial * FULL_TOLERANCE ? 0 : tidy(x));

/** The report's periods: per country, per consumer, stocks left. */
export function reportPeriods(net: SimNetwork, periods: Period[], run: RunResult): SimulationPeriod[] {
  const codes = [...new Set(net.consumers.map((i) => net.nodes[i]!.country))].sort(byId);
  const stockNodes = net.nodes
    .map((n, i) => ({ id: n.id, pools: n.pools.filter((p) => net.pools[p]!.stock > 0), i }))
    .filter((s) => s.pools.length > 0);
  return run.served.map((served, k) => {
    const demand = run.demand[k]!;
    const countries: SimulationPeriod["countries"] = {};
    for (const code of codes) {
      let d = 0;
      let s = 0;
      for (const i of net.consumers) {
        if (net.nodes[i]!.country !== code) continue;
        d += demand[i]!;
        s += served[i]!;
      }
      countries[code] = { demand: tidy(d), served: tidy(s), fraction: d > 0 ? tidy(s / d) : 1 };
    }
    const consumers = net.consumers.map((i) => ({
      id: net.nodes[i]!.id,
      served: tidy(served[i]!),
      fraction: demand[i]! > 0 ? tidy(served[i]! / demand[i]!) : 1,
    }));
    const stocks = [
      ...net.piles.map((p, q) => ({ id: p.id, left: left(run.piles[k]![q]!, p.stock) })),
      ...stockNodes.map((s) => ({
        id: s.id,
        left: left(
          s.pools.reduce((t, p) => t + run.pools[k]![p]!, 0),
          s.pools.reduce((t, p) => t + net.pools[p]!.stock, 0),
        ),
      })),
    ].sort((a, b) => byId(a.id, b.id));
    return { day: periods[k]!.start, days: periods[k]!.days, countries, consumers, stocks };
  });
}

/** Every stock the periods list, with its country and initial tonnes (stockpile nodes first by id order). */
export function stockList(
  net: SimNetwork,
  countryOf: (id: string) => string,
): Array<{ id: string; country: string; initial: number }> {
  const piles = net.piles.map((p) => ({ id: p.id, country: countryOf(p.id), initial: tidy(p.stock) }));
  const nodes = net.nodes
    .map((n) => ({
      id: n.id,
      country: n.country,
      initial: tidy(n.pools.reduce((t, p) => t + net.pools[p]!.stock, 0)),
    }))
    .filter((s) => s.initial > 0);
  return [...piles, ...nodes].sort((a, b) => byId(a.id, b.id));
}

/** Per-country resilience. `start` = the disruption's first day. */
export function countryResilience(
  net: SimNetwork,
  periods: SimulationPeriod[],
  start: number,
): Record<string, CountryResilience> {
  const out: Record<string, CountryResilience> = {};
  const codes = Object.keys(periods[0]?.countries ?? {});
  for (const code of codes) {
    const rows = periods.map((p) => ({ ...p.countries[code]!, day: p.day, days: p.days }));
    const firstShort = rows.findIndex((r) => r.fraction < FULL);
    let lastLow = -1;
    rows.forEach((r, k) => {
      if (r.fraction < RECOVERED_FRACTION) lastLow = k;
    });
    const shortDay = firstShort >= 0 ? rows[firstShort]!.day : null;
    const back = lastLow + 1 < rows.length ? rows[lastLow + 1]!.day : null;
    let tonneDays = 0;
    let shareDays = 0;
    for (const r of rows) {
      tonneDays += r.demand - r.served;
      shareDays += (1 - r.fraction) * r.days;
    }
    let loss: number | null = null;
    for (const [c, i] of net.consumers.entries()) {
      const node = net.nodes[i]!;
      if (node.country !== code || node.valuePerYear === undefined) continue;
      loss ??= 0;
      // periods list consumers in network order (ids sorted), so index c is this consumer
      for (const p of periods) loss += (node.valuePerYear * (1 - p.consumers[c]!.fraction) * p.days) / 365;
    }
    out[code] = {
      timeToSurvive: shortDay === null ? null : Math.max(0, shortDay - start),
      deepestFraction: tidy(Math.min(...rows.map((r) => r.fraction))),
      timeToRecover: shortDay === null || back === null ? null : Math.max(0, back - shortDay),
      resilienceLoss: { tonneDays: tidy(tonneDays), shareDays: tidy(shareDays) },
      loss: loss === null ? null : tidy(loss),
    };
  }
  return out;
}
