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
  onProgress?: ProgressCallback;
}

export const DEFAULT_FLOW_ATTACK_OPTIONS: Required<Omit<FlowAttackOptions, "onProgress">> = {
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

function curve(solver: Knockout, order: string[], demand: number, tick: () => void): number[] {
  const shares: number[] = [];
  for (let k = 0; k <= order.length; k++) {
    if (shares.length && shares[shares.length - 1] === 0) {
      shares.push(0);
      tick();
      continue;
    }
    const served = solver.total(order.slice(0, k));
    shares.push(demand > 0 ? clean(served / demand) : 0);
    tick();
  }
  return shares;
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
  ranking: FlowChokepoint[],
  options: FlowAttackOptions = {},
): FlowAttack {
  const { objective, randomOrders, onProgress } = { ...DEFAULT_FLOW_ATTACK_OPTIONS, ...options };
  const solver = knockout(highs, graph, applied, objective);
  const base = solver.model;
  const demand = base.consumers.reduce((t, i) => t + base.demand[i]!, 0);
  const byLoss = ranking.map((c) => c.id);
  const countryLoss = new Map<string, number>();
  for (const c of ranking) countryLoss.set(c.country, (countryLoss.get(c.country) ?? 0) + c.demandLost);
  const countries = [...countryLoss.keys()].sort(
    (a, b) => countryLoss.get(b)! - countryLoss.get(a)! || byId(a, b),
  );
  const byCountry = countries.flatMap((code) => ranking.filter((c) => c.country === code).map((c) => c.id));
  const sortedIds = [...byLoss].sort(byId);
  const randoms = Array.from({ length: randomOrders }, (_, s) => {
    const next = mulberry32(s + 1);
    const order = [...sortedIds];
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    return order;
  });
  try {
    const total = (2 + randoms.length) * (byLoss.length + 1);
    let done = 0;
    const tick = () => onProgress?.(++done, total);
    const curves: FlowAttackCurve[] = [];
    for (const [name, order] of [
      ["demand-lost", byLoss],
      ["country", byCountry],
    ] as const) {
      const shares = curve(solver, order, demand, tick);
      curves.push({ order: name, removed: order, servedShare: shares, robustness: robustness(shares) });
    }
    if (randoms.length) {
      const runs = randoms.map((order) => curve(solver, order, demand, tick));
      const mean = runs[0]!.map((_, k) => clean(runs.reduce((t, r) => t + r[k]!, 0) / runs.length));
      curves.push({ order: "random", removed: [], servedShare: mean, robustness: robustness(mean) });
    }
    return { nodes: byLoss.length, curves };
  } finally {
    solver.dispose();
  }
}
