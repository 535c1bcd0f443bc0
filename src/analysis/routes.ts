/**
 * Routes: for each consumer, the fastest supply route from a source (sum of `leadTimeDays` along the path, a
 * documented default where an edge has none), before and after the scenario. Paths run source → consumer and
 * only through supplied nodes over kept edges that deliver a needed material; `null` when there is none. For a
 * recipe node the route is the fastest path from ANY source (one ingredient's chain), not the slowest ingredient.
 *
 * One fastest-route tree per state on the CSR (`_fastest-tree.ts`: DAG shortest paths in topological order, or a
 * multi-source Dijkstra with an indexed binary heap): graphology-shortest-path offers only single-source
 * searches that build every path as an array (networkx speed, 25x slower than a CSR Dijkstra at 10^6 nodes, see
 * perf-anchors.md) and no multi-source start. Tests compare the result with graphology-shortest-path's Dijkstra
 * on small graphs. Ties are broken by node index (= id).
 */
import { applyScenario } from "../scenario/apply-scenario.js";
import { type AppliedScenario, BASELINE_SCENARIO } from "../scenario/types.js";
import { type Csr, csrOf, type GraphInput, consumerIndices, scenarioMasks } from "./_csr.js";
import { type FastestTree, fastestTreeOf } from "./_fastest-tree.js";
import { supplyMask } from "./supply.js";

/** Options of `routes`. */
export interface RoutesOptions {
  /**
   * Lead time of an edge without `leadTimeDays`. 30 days: a typical sea-freight plus customs leg.
   * @defaultValue `30`
   */
  defaultLeadTimeDays?: number;
  /** The "before" state; default: the baseline (file graph, pipeline excluded). */
  baseline?: AppliedScenario;
  csr?: Csr;
}

export const DEFAULT_ROUTES_OPTIONS = { defaultLeadTimeDays: 30 } as const;

/** A route: node ids from a source to the consumer, and its total lead time. */
export interface Route {
  leadTimeDays: number;
  path: string[];
}

/** One consumer's fastest routes. */
export interface ConsumerRoutes {
  id: string;
  before: Route | null;
  after: Route | null;
}

/** The result of `routes`, sorted by consumer id. */
export interface Routes {
  defaultLeadTimeDays: number;
  consumers: ConsumerRoutes[];
}

/** Whether v's route is the same in both trees (same distance, same predecessor edges all the way back). */
function sameRoute(csr: Csr, a: FastestTree, b: FastestTree, v: number): boolean {
  if (a.dist[v] !== b.dist[v]) return false;
  for (let x = v; ; ) {
    const e = a.pred[x]!;
    if (e !== b.pred[x]) return false;
    if (e === -1) return true;
    x = csr.edgeSource[e]!;
  }
}

function routeTo(csr: Csr, tree: FastestTree, v: number): Route | null {
  if (!Number.isFinite(tree.dist[v]!)) return null;
  // count first, then fill from the end: one exact-size array per route (10^6 routes at 10^6 nodes)
  let length = 1;
  for (let e = tree.pred[v]!; e !== -1; e = tree.pred[csr.edgeSource[e]!]!) length++;
  const path = new Array<string>(length);
  path[--length] = csr.ids[v]!;
  for (let e = tree.pred[v]!; e !== -1; e = tree.pred[csr.edgeSource[e]!]!)
    path[--length] = csr.ids[csr.edgeSource[e]!]!;
  return { leadTimeDays: tree.dist[v]!, path };
}

/**
 * Fastest supply route of every consumer the scenario keeps, before and after the scenario.
 * @param graph - the file graph
 * @param applied - the scenario resolved on it
 */
export function routes(graph: GraphInput, applied: AppliedScenario, options: RoutesOptions = {}): Routes {
  const opts = { ...DEFAULT_ROUTES_OPTIONS, ...options };
  const csr = csrOf(graph, opts.csr);
  const baseline = opts.baseline ?? applyScenario(graph, BASELINE_SCENARIO);
  const trees = [baseline, applied].map((a) => {
    const masks = scenarioMasks(csr, a);
    return fastestTreeOf(csr, masks, supplyMask(csr, masks), opts.defaultLeadTimeDays);
  });
  const masks = scenarioMasks(csr, applied);
  const consumers: ConsumerRoutes[] = [];
  const [before, after] = trees as [FastestTree, FastestTree];
  for (const c of consumerIndices(csr)) {
    if (masks.removed[c] === 1) continue;
    const route = routeTo(csr, before, c);
    // most consumers keep their route: one object serves both states (they are plain, read-only results)
    consumers.push({
      id: csr.ids[c]!,
      before: route,
      after: sameRoute(csr, before, after, c) ? route : routeTo(csr, after, c),
    });
  }
  return { defaultLeadTimeDays: opts.defaultLeadTimeDays, consumers };
}
