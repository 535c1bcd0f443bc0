/**
 * Economic losses of a disruption: for a consumer with `valuePerYear` (graph attribute `currency`), a
 * disruption lasting D days costs value × shortfall fraction × (days not covered by stock) / 365, where the
 * days covered are its country's time-to-survive (its stocks keeping every short consumer whole together). Shown for 90 and 365 days (the two durations of Nomura Research
 * Institute's 2026 estimate of a Chinese rare-earth cut-off for Japan) and any further durations asked for.
 * A linear, first-order reading: production lost in proportion to the missing supply, no substitution.
 */
import type { SupplyGraph } from "../model/types.js";
import { byId, clean, cleanFlow } from "./_clean.js";
import type { Survival } from "./survival.js";
import { dict } from "../model/dict.js";

export interface LossesOptions {
  /** Disruption durations in days; 90 and 365 are always included. */
  days?: number[];
}

/** The durations always reported. */
export const DEFAULT_LOSS_DAYS: readonly number[] = [90, 365];

/** One consumer's losses, one number per duration (same order as `Losses.durations`). */
export interface ConsumerLoss {
  id: string;
  country: string;
  valuePerYear: number;
  shortfallFraction: number;
  /** Days its stock covers; null when nothing is short. */
  daysCovered: number | null;
  loss: number[];
}

export interface Losses {
  currency: string | null;
  /** Durations in days, ascending. */
  durations: number[];
  /** Sum over consumers with a value, per duration. */
  total: number[];
  countries: Record<string, number[]>;
  /** Consumers with a `valuePerYear`, sorted by id. */
  consumers: ConsumerLoss[];
  /** Consumers without a `valuePerYear` (their losses are not counted), sorted. */
  withoutValue: string[];
}

/** Losses per consumer, country and in total for each duration. Pure. */
export function losses(graph: SupplyGraph, survival: Survival, options: LossesOptions = {}): Losses {
  const durations = [...new Set([...DEFAULT_LOSS_DAYS, ...(options.days ?? [])])].sort((a, b) => a - b);
  const consumers: ConsumerLoss[] = [];
  const withoutValue: string[] = [];
  for (const c of survival.consumers) {
    const value = graph.getNodeAttribute(c.id, "valuePerYear");
    if (value === undefined) {
      withoutValue.push(c.id);
      continue;
    }
    const fraction = c.demand > 0 ? c.shortfall / c.demand : 0;
    const covered = c.daysCovered;
    consumers.push({
      id: c.id,
      country: c.country,
      valuePerYear: value,
      shortfallFraction: clean(fraction),
      daysCovered: covered,
      loss: durations.map((d) =>
        covered === null ? 0 : cleanFlow((value * fraction * Math.max(0, d - covered)) / 365),
      ),
    });
  }
  const sumOf = (list: ConsumerLoss[]) =>
    durations.map((_, k) => cleanFlow(list.reduce((t, c) => t + c.loss[k]!, 0)));
  const countries = dict<number[]>();
  for (const code of [...new Set(consumers.map((c) => c.country))].sort(byId))
    countries[code] = sumOf(consumers.filter((c) => c.country === code));
  return {
    currency: graph.getAttribute("currency") ?? null,
    durations,
    total: sumOf(consumers),
    countries,
    consumers: consumers.sort((a, b) => byId(a.id, b.id)),
    withoutValue: withoutValue.sort(byId),
  };
}
