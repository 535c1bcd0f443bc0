/**
 * What the network can do on each day: a node's share of its capacity (pipeline ramp-up, removal windows with a
 * linear recovery ramp, scale factors) and an edge's openness (cut windows, requalification of new routes).
 * Per period, the day values are averaged at mid-day (day d counts as d + 0.5), so a window that starts or ends
 * inside a period counts for the share of the period it covers.
 *
 * Rules:
 * - a removed node is down from its window's start; when the window ends it ramps back linearly over its
 *   `recoveryDays` (node attribute, else the stage default); windows that never end keep it down;
 * - a pipeline facility the scenario brings in starts on 1 January of its `since` year (day 0 when it has none, or
 *   when the calendar is unknown) and ramps linearly to nameplate over `rampDays`;
 * - a scale rule multiplies capacity while its window is on (rules on at the same time compound);
 * - a cut edge is closed while any of its windows is on; it opens again at once (a policy, not a repair);
 * - an edge that is not a baseline route opens `qualificationDays` (of its buyer) after the disruption starts.
 */
import { DEFAULT_RECOVERY_DAYS, FALLBACK_RECOVERY_DAYS } from "../flow/survival.js";
import type { SupplyGraph } from "../model/types.js";
import { windowCovers, windowEnd } from "../scenario/timing.js";
import type { AppliedScenario, DisruptionWindow } from "../scenario/types.js";
import {
  DEFAULT_QUALIFICATION_DAYS,
  DEFAULT_RAMP_DAYS,
  FALLBACK_QUALIFICATION_DAYS,
  FALLBACK_RAMP_DAYS,
} from "./assumptions.js";
import { daysToYear, type Period } from "./_periods.js";
import type { SimNetwork } from "./_network.js";

/** The per-stage tables a run uses (stage defaults merged with the options). */
export interface TimeTables {
  recovery: Record<string, number>;
  qualification: Record<string, number>;
  qualificationAll: number | undefined;
  ramp: Record<string, number>;
}

/** Day-level state functions of one simulation. */
export interface Timeline {
  /** Share of its capacity (consumers: of its demand) node i has on `day`. */
  nodeShare(i: number, day: number): number;
  /** 1 when edge e is open on `day`, else 0. */
  edgeOpen(e: number, day: number): number;
  /** The first day of the disruption (the earliest rule start; 0 without rules). */
  disruptionStart: number;
  /** Per node: recovery days and whether they are the stage default. */
  recovery: Array<{ days: number; assumed: boolean }>;
}

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

/** Build the timeline. `day0` = calendar date of day 0 (null = unknown). */
export function buildTimeline(
  graph: SupplyGraph,
  applied: AppliedScenario,
  net: SimNetwork,
  tables: TimeTables,
  day0: string | null,
): Timeline {
  const { timing } = applied;
  const starts = [
    ...Object.values(timing.removed).flat(),
    ...Object.values(timing.cut).flat(),
    ...Object.values(timing.scaled).flatMap((s) => s.factors.map((f) => f.window)),
  ].map((w) => w.startDay);
  const disruptionStart = starts.length ? Math.min(...starts) : 0;
  const recovery = net.nodes.map((n) => {
    const own = graph.getNodeAttribute(n.id, "recoveryDays");
    return { days: own ?? tables.recovery[n.stage] ?? FALLBACK_RECOVERY_DAYS, assumed: own === undefined };
  });
  const online = net.nodes.map((n) => {
    if (!n.pipeline) return null;
    const since = graph.getNodeAttribute(n.id, "since");
    const start = since !== undefined && day0 !== null ? daysToYear(day0, since) : 0;
    const ramp = graph.getNodeAttribute(n.id, "rampDays") ?? tables.ramp[n.stage] ?? FALLBACK_RAMP_DAYS;
    return { start, ramp };
  });
  const removed = net.nodes.map((n) => timing.removed[n.id] ?? []);
  const scaled = net.nodes.map((n) => timing.scaled[n.id]?.factors ?? []);
  const cut = net.edges.map((e) => timing.cut[e.key] ?? []);
  const opensOn = net.edges.map((e) => {
    if (e.baseline) return 0;
    const buyer = net.nodes[e.target]!;
    const own = graph.getNodeAttribute(buyer.id, "qualificationDays");
    const q =
      own ?? tables.qualificationAll ?? tables.qualification[buyer.stage] ?? FALLBACK_QUALIFICATION_DAYS;
    return disruptionStart + q;
  });

  const availability = (windows: DisruptionWindow[], days: number, day: number) => {
    let share = 1;
    for (const w of windows) {
      if (windowCovers(w, day)) return 0;
      const end = windowEnd(w);
      if (day >= end) share = Math.min(share, days > 0 ? clamp01((day - end) / days) : 1);
    }
    return share;
  };
  return {
    disruptionStart,
    recovery,
    nodeShare(i, day) {
      let share = availability(removed[i]!, recovery[i]!.days, day);
      const on = online[i];
      if (on) share *= on.ramp > 0 ? clamp01((day - on.start) / on.ramp) : day >= on.start ? 1 : 0;
      for (const { factor, window } of scaled[i]!) if (windowCovers(window, day)) share *= factor;
      return share;
    },
    edgeOpen(e, day) {
      if (day < opensOn[e]!) return 0;
      return cut[e]!.some((w) => windowCovers(w, day)) ? 0 : 1;
    },
  };
}

/** The state of the network over one period: day values averaged at mid-day. */
export interface PeriodState {
  /** Per node: average share of capacity (of demand for consumers). */
  nodeShare: Float64Array;
  /** Per edge: share of the period's days it is open. */
  edgeShare: Float64Array;
}

/** Average the timeline over `period`. */
export function periodState(net: SimNetwork, timeline: Timeline, period: Period): PeriodState {
  const nodeShare = new Float64Array(net.nodes.length);
  const edgeShare = new Float64Array(net.edges.length);
  for (let d = 0; d < period.days; d++) {
    const day = period.start + d + 0.5;
    for (let i = 0; i < nodeShare.length; i++) nodeShare[i]! += timeline.nodeShare(i, day);
    for (let e = 0; e < edgeShare.length; e++) edgeShare[e]! += timeline.edgeOpen(e, day);
  }
  // sum first, divide once: a node up every day has share exactly 1, not 0.9999999999999998
  for (let i = 0; i < nodeShare.length; i++) nodeShare[i] = nodeShare[i]! / period.days;
  for (let e = 0; e < edgeShare.length; e++) edgeShare[e] = edgeShare[e]! / period.days;
  return { nodeShare, edgeShare };
}

/** The stage tables merged with a run's options. */
export function timeTables(o: {
  recoveryDays: Record<string, number>;
  qualificationDays: Record<string, number>;
  qualificationAll: number | undefined;
  rampDays: Record<string, number>;
}): TimeTables {
  return {
    recovery: { ...DEFAULT_RECOVERY_DAYS, ...o.recoveryDays },
    qualification: { ...DEFAULT_QUALIFICATION_DAYS, ...o.qualificationDays },
    qualificationAll: o.qualificationAll,
    ramp: { ...DEFAULT_RAMP_DAYS, ...o.rampDays },
  };
}
