/**
 * Routes: for each consumer, the fastest supply route from a source (sum of `leadTimeDays` along the path, a
 * documented default where an edge has none), before and after the scenario. Paths run source → consumer and
 * only through supplied nodes over kept edges that deliver a needed material; `null` when there is none. For a
 * recipe node the route is the fastest path from ANY source (one ingredient's chain), not the slowest ingredient.
 *
 * One multi-source Dijkstra (Dijkstra 1959) per state on the CSR, with a binary heap on typed arrays: graphology-
 * shortest-path offers only single-source searches that build every path as an array (networkx speed, 25x
 * slower than a CSR Dijkstra at 10^6 nodes, see perf-anchors.md) and no multi-source start. Tests compare the
 * result with graphology-shortest-path's Dijkstra on small graphs. Ties are broken by node index (= id).
 */
import { applyScenario } from "../scenario/apply-scenario.js";
import { type AppliedScenario, BASELINE_SCENARIO } from "../scenario/types.js";
import { type Csr, csrOf, type GraphInput, consumerIndices, type Masks, scenarioMasks } from "./_csr.js";
import { supplyMask } from "./supply.js";

/** Options of `routes`. */
export interface RoutesOptions {
  /** Lead time of an edge without `leadTimeDays`. 30 days: a typical sea-freight plus customs leg. */
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

/** Multi-source Dijkstra over supplied nodes; returns predecessor edges (-1 = source or unreached) and distances. */
export function fastestTree(
  csr: Csr,
  masks: Masks,
  supplied: Uint8Array,
  defaultLeadTime: number,
): { dist: Float64Array; pred: Int32Array } {
  const dist = new Float64Array(csr.n).fill(Number.POSITIVE_INFINITY);
  const pred = new Int32Array(csr.n).fill(-1);
  const done = new Uint8Array(csr.n);
  // lazy-deletion binary heap of (distance, node)
  const cap = csr.m + csr.n + 1;
  const hd = new Float64Array(cap);
  const hv = new Int32Array(cap);
  let size = 0;
  const less = (i: number, j: number) => hd[i]! < hd[j]! || (hd[i] === hd[j] && hv[i]! < hv[j]!);
  const swap = (i: number, j: number) => {
    const d = hd[i]!;
    hd[i] = hd[j]!;
    hd[j] = d;
    const v = hv[i]!;
    hv[i] = hv[j]!;
    hv[j] = v;
  };
  const push = (d: number, v: number) => {
    let i = size++;
    hd[i] = d;
    hv[i] = v;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(i, p)) break;
      swap(i, p);
      i = p;
    }
  };
  const pop = () => {
    const v = hv[0]!;
    size--;
    hd[0] = hd[size]!;
    hv[0] = hv[size]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < size && less(l, best)) best = l;
      if (r < size && less(r, best)) best = r;
      if (best === i) break;
      swap(i, best);
      i = best;
    }
    return v;
  };
  for (let v = 0; v < csr.n; v++) {
    if (csr.source[v] === 1 && supplied[v] === 1) {
      dist[v] = 0;
      push(0, v);
    }
  }
  while (size > 0) {
    const d0 = hd[0]!;
    const u = pop();
    if (done[u] || d0 > dist[u]!) continue;
    done[u] = 1;
    for (let i = csr.outOffsets[u]!, end = csr.outOffsets[u + 1]!; i < end; i++) {
      const e = csr.outEdges[i]!;
      const v = csr.edgeTarget[e]!;
      if (masks.edgeAlive[e] !== 1 || supplied[v] !== 1 || csr.edgeSlot[e]! < 0 || csr.source[v] === 1)
        continue;
      const lt = csr.leadTime[e]!;
      const d = d0 + (Number.isNaN(lt) ? defaultLeadTime : lt);
      // on a tie, the smaller predecessor id wins; a finished node keeps its path (zero-day cycles cannot loop)
      if (
        d < dist[v]! ||
        (d === dist[v] && done[v] === 0 && pred[v] !== -1 && u < csr.edgeSource[pred[v]!]!)
      ) {
        dist[v] = d;
        pred[v] = e;
        push(d, v);
      }
    }
  }
  return { dist, pred };
}

function routeTo(csr: Csr, tree: { dist: Float64Array; pred: Int32Array }, v: number): Route | null {
  if (!Number.isFinite(tree.dist[v]!)) return null;
  const path = [csr.ids[v]!];
  for (let e = tree.pred[v]!; e !== -1; e = tree.pred[csr.edgeSource[e]!]!)
    path.push(csr.ids[csr.edgeSource[e]!]!);
  return { leadTimeDays: tree.dist[v]!, path: path.reverse() };
}

/**
 * Fastest supply route of every consumer the scenario keeps, before and after the scenario.
 * @param graph the file graph
 * @param applied the scenario resolved on it
 */
export function routes(graph: GraphInput, applied: AppliedScenario, options: RoutesOptions = {}): Routes {
  const opts = { ...DEFAULT_ROUTES_OPTIONS, ...options };
  const csr = csrOf(graph, opts.csr);
  const baseline = opts.baseline ?? applyScenario(graph, BASELINE_SCENARIO);
  const trees = [baseline, applied].map((a) => {
    const masks = scenarioMasks(csr, a);
    return fastestTree(csr, masks, supplyMask(csr, masks).supplied, opts.defaultLeadTimeDays);
  });
  const masks = scenarioMasks(csr, applied);
  const consumers: ConsumerRoutes[] = [];
  for (const c of consumerIndices(csr)) {
    if (masks.removed[c] === 1) continue;
    consumers.push({
      id: csr.ids[c]!,
      before: routeTo(csr, trees[0]!, c),
      after: routeTo(csr, trees[1]!, c),
    });
  }
  return { defaultLeadTimeDays: opts.defaultLeadTimeDays, consumers };
}
