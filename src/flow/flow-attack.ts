/**
 * Attack curves in served demand: the share of demand still served as the scenario's non-consumer nodes are
 * removed one by one in a given order, and the robustness R of Schneider et al. ("Mitigation of malicious
 * attacks on networks", PNAS 108(10), 2011): the mean of that share over all N removal steps, R = (1/N) Σ s(k).
 * Each step is one re-solve. Served demand never grows when nodes go (a smaller feasible set), so once it is
 * zero the rest of the curve is zero without solving.
 */
import { mulberry32 } from "../model/random.js";
import type { Highs } from "highs";
import type { SupplyGraph } from "../model/types.js";
import type { AppliedScenario } from "../scenario/types.js";
import { byId, clean } from "./_clean.js";
import { type Knockout, knockout } from "./_knockout.js";
import type { FlowObjective } from "./_solve-flow.js";
import type { FlowChokepoint, ProgressCallback } from "./flow-chokepoints.js";

export interface FlowAttackOptions {
  objective?: FlowObjective;
  /** Random orders to average (seeds 1..randomOrders). */
  randomOrders?: number;
  /**
   * Remove only these nodes (default: every node the ranking lists). A country's robustness uses its supply
   * cone, so that nodes that cannot affect it (another country's chain, isolated nodes) do not dilute R.
   */
  only?: ReadonlySet<string>;
  onProgress?: ProgressCallback;
}

export const DEFAULT_FLOW_ATTACK_OPTIONS: Required<Omit<FlowAttackOptions, "onProgress" | "only">> = {
  objective: "max-total",
  randomOrders: 3,
};

/** One removal order's curve. */
export interface FlowAttackCurve {
  /** `demand-lost` (N-1 ranking), `country` (countries by their nodes' summed N-1 loss, each by N-1 loss), `random` (mean over seeds). */
  order: string;
  /** The removal order (empty for the random mean). */
  removed: string[];
  /** servedShare[k] = share of demand served after k removals, k = 0..N. */
  servedShare: number[];
  /** Schneider et al.'s R: mean of servedShare[1..N]. */
  robustness: number;
}

/** Curves for every order; `nodes` = N, the number of removable nodes. */
export interface FlowAttack {
  nodes: number;
  curves: FlowAttackCurve[];
}

/**
 * The curve of removing `groups` in turn. Nodes in one group are tied in the ranking (equal N-1 loss): which of
 * them goes first is an arbitrary choice, so the group is removed as one and the curve is interpolated linearly
 * across its steps; R then does not depend on node ids. Singletons give the plain step-by-step curve.
 */
function curve(solver: Knockout, groups: string[][], demand: number, tick: () => void): number[] {
  const shares: number[] = [];
  const removed: string[] = [];
  const shareNow = () => {
    if (shares.length && shares[shares.length - 1] === 0) return 0;
    return demand > 0 ? clean(solver.total(removed) / demand) : 0;
  };
  shares.push(shareNow());
  tick();
  for (const group of groups) {
    const before = shares[shares.length - 1]!;
    removed.push(...group);
    const after = shareNow();
    for (let j = 1; j <= group.length; j++) {
      shares.push(j === group.length ? after : clean(before + ((after - before) * j) / group.length));
      tick();
    }
  }
  return shares;
}

/** Consecutive nodes of a ranking with equal loss form one group (ties), ids sorted inside. */
function tieGroups(ranked: FlowChokepoint[]): string[][] {
  const groups: string[][] = [];
  let last: number | null = null;
  for (const c of ranked) {
    if (last !== null && c.demandLost === last) groups[groups.length - 1]!.push(c.id);
    else groups.push([c.id]);
    last = c.demandLost;
  }
  return groups.map((g) => g.sort(byId));
}

function robustness(shares: number[]): number {
  const n = shares.length - 1;
  return n > 0 ? clean(shares.slice(1).reduce((t, x) => t + x, 0) / n) : 0;
}

/** Attack curves, given the N-1 ranking (which fixes the targeted orders). Synchronous once HiGHS is loaded. */
export function flowAttackCurves(
  highs: Highs,
  graph: SupplyGraph,
  applied: AppliedScenario,
  fullRanking: FlowChokepoint[],
  options: FlowAttackOptions = {},
): FlowAttack {
  const { objective, randomOrders, onProgress } = { ...DEFAULT_FLOW_ATTACK_OPTIONS, ...options };
  const only = options.only;
  const ranking = only ? fullRanking.filter((c) => only.has(c.id)) : fullRanking;
  const solver = knockout(highs, graph, applied, objective);
  const base = solver.model;
  const demand = base.consumers.reduce((t, i) => t + base.demand[i]!, 0);
  const byLoss = tieGroups(ranking);
  const countryLoss = new Map<string, number>();
  for (const c of ranking) countryLoss.set(c.country, (countryLoss.get(c.country) ?? 0) + c.demandLost);
  const countries = [...countryLoss.keys()].sort(
    (a, b) => countryLoss.get(b)! - countryLoss.get(a)! || byId(a, b),
  );
  const byCountry = countries.flatMap((code) => tieGroups(ranking.filter((c) => c.country === code)));
  // Random orders shuffle the nodes sorted by label (then id), so that renaming ids does not change them.
  const label = (id: string) => graph.getNodeAttribute(id, "label");
  const canonical = ranking.map((c) => c.id).sort((a, b) => byId(label(a), label(b)) || byId(a, b));
  const randoms = Array.from({ length: randomOrders }, (_, s) => {
    const next = mulberry32(s + 1);
    const order = [...canonical];
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    return order.map((id) => [id]);
  });
  try {
    const total = (2 + randoms.length) * (ranking.length + 1);
    let done = 0;
    const tick = () => onProgress?.(++done, total);
    const curves: FlowAttackCurve[] = [];
    for (const [name, order] of [
      ["demand-lost", byLoss],
      ["country", byCountry],
    ] as const) {
      const shares = curve(solver, order, demand, tick);
      curves.push({
        order: name,
        removed: order.flat(),
        servedShare: shares,
        robustness: robustness(shares),
      });
    }
    if (randoms.length) {
      const runs = randoms.map((order) => curve(solver, order, demand, tick));
      const mean = runs[0]!.map((_, k) => clean(runs.reduce((t, r) => t + r[k]!, 0) / runs.length));
      curves.push({ order: "random", removed: [], servedShare: mean, robustness: robustness(mean) });
    }
    return { nodes: ranking.length, curves };
  } finally {
    solver.dispose();
  }
}
