/**
 * What origin rules stopped, in words: per rule, the baseline trade cut, summed by exporting and importing
 * country, with the range of origin content of the goods cut. Shared by the brief (`analyze`) and `flow`.
 */
import type { OriginCutResult } from "../scenario/types.js";
import { percent, quantity } from "./table.js";

/** The trade an origin rule cut between two countries (baseline volume per year). */
export interface OriginTrade {
  from: string;
  to: string;
  volume: number;
  links: number;
}

/** The cut edges of one rule summed by (exporting country, importing country), largest volume first. */
export function originTradeCut(result: OriginCutResult, countryOf: (id: string) => string): OriginTrade[] {
  const trade = new Map<string, OriginTrade>();
  for (const edge of result.edges) {
    const from = countryOf(edge.source);
    const to = countryOf(edge.target);
    const entry = trade.get(`${from}>${to}`) ?? { from, to, volume: 0, links: 0 };
    entry.volume += edge.volume;
    entry.links++;
    trade.set(`${from}>${to}`, entry);
  }
  return [...trade.values()].sort(
    (a, b) => b.volume - a.volume || (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : 1),
  );
}

/**
 * One sentence per origin rule: "Origin rule *>*:NdFeB-magnet@CN>=0.1%value cuts 14 links carrying 9,100 t/yr
 * in the baseline (content 19.2-55.8% of value; 1 link stays under): JP>ZZ 3,400, ...". Empty without rules.
 */
export function originCutLines(
  results: readonly OriginCutResult[],
  countryOf: (id: string) => string,
  units: string,
): string[] {
  return results.map((result) => {
    const basis = result.rule.endsWith("mass") ? "rare-earth mass" : "value";
    const under = `${result.passed} link${result.passed === 1 ? "" : "s"} stay${result.passed === 1 ? "s" : ""} under the threshold`;
    if (result.edges.length === 0) return `Origin rule ${result.rule} cuts nothing: ${under}.`;
    const total = result.edges.reduce((s, e) => s + e.volume, 0);
    const shares = result.edges.map((e) => e.share);
    const low = percent(Math.min(...shares));
    const high = percent(Math.max(...shares));
    const content = low === high ? low : `${low.replace("%", "")}-${high}`;
    const trade = originTradeCut(result, countryOf)
      .map((t) => `${t.from}>${t.to} ${quantity(t.volume)}`)
      .join(", ");
    return `Origin rule ${result.rule} cuts ${result.edges.length} link${result.edges.length === 1 ? "" : "s"} carrying ${quantity(total)} ${units} in the baseline (origin content ${content} of ${basis}; ${under}): ${trade}.`;
  });
}
