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
function sameRoute(a: FastestTree, b: FastestTree, up: Int32Array, v: number): boolean {
  if (a.dist[v] !== b.dist[v]) return false;
  for (let x = v; ; x = up[x]!) {
    const e = a.pred[x]!;
    if (e !== b.pred[x]) return false;
    if (e === -1) return true;
  }
}

function routeTo(csr: Csr, tree: FastestTree, up: Int32Array, v: number): Route | null {
  if (!Number.isFinite(tree.dist[v]!)) return null;
  // count first, then fill from the end: one exact-size array per route (10^6 routes at 10^6 nodes)
  let length = 1;
  for (let x = up[v]!; x !== -1; x = up[x]!) length++;
  const path = new Array<string>(length);
  for (let x = v; x !== -1; x = up[x]!) path[--length] = csr.ids[x]!;
  return { leadTimeDays: tree.dist[v]!, path };
}

/**
 * The node before each node on its fastest route (-1 at a source or off the tree): one read per step of a
 * route instead of two (the edge, then its source), over the routes of every consumer.
 */
function predecessorNodes(csr: Csr, tree: FastestTree): Int32Array {
  const up = new Int32Array(csr.n);
  for (let x = 0; x < csr.n; x++) {
    const e = tree.pred[x]!;
    up[x] = e === -1 ? -1 : csr.edgeSource[e]!;
  }
  return up;
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
  const upBefore = predecessorNodes(csr, before);
  const upAfter = predecessorNodes(csr, after);
  for (const c of consumerIndices(csr)) {
    if (masks.removed[c] === 1) continue;
    const route = routeTo(csr, before, upBefore, c);
    // most consumers keep their route: one object serves both states (they are plain, read-only results)
    consumers.push({
      id: csr.ids[c]!,
      before: route,
      after: sameRoute(before, after, upBefore, c) ? route : routeTo(csr, after, upAfter, c),
    });
  }
  return { defaultLeadTimeDays: opts.defaultLeadTimeDays, consumers };
}
