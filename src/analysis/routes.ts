/**
 * Routes: for each consumer, the fastest supply route from a source (sum of `leadTimeDays` along the path, a
 * documented default where an edge has none), before and after the scenario. Paths run source → consumer and
 * only through supplied nodes over kept edges that deliver a needed material; `null` when there is none. For a
 * recipe node the route is the fastest path from ANY source (one ingredient's chain), not the slowest ingredient.
 *
 * One multi-source Dijkstra (Dijkstra 1959) per state on the CSR, with an indexed binary heap on typed arrays: graphology-
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

/** Multi-source Dijkstra over supplied nodes; returns predecessor edges (-1 = source or unreached) and distances. */
export function fastestTree(
  csr: Csr,
  masks: Masks,
  supplied: Uint8Array,
  defaultLeadTime: number,
): { dist: Float64Array; pred: Int32Array } {
  const dist = new Float64Array(csr.n).fill(Number.POSITIVE_INFINITY);
  const pred = new Int32Array(csr.n).fill(-1);
  // One byte per node says whether an edge may still improve it: supplied, not a source, not finished. One
  // random read per edge instead of three (done, supplied, source): at 10^6 nodes those cache misses were the
  // cost of the search, not the heap.
  const open = new Uint8Array(csr.n);
  for (let v = 0; v < csr.n; v++) open[v] = supplied[v] === 1 && csr.source[v] !== 1 ? 1 : 0;
  // Indexed binary heap of nodes keyed by (dist, index), with decrease-key: each node sits in it at most once,
  // so it holds at most n entries (a lazy heap pushed once per improvement: up to m, and twice the time).
  const heap = new Int32Array(csr.n);
  const at = new Int32Array(csr.n).fill(-1);
  let size = 0;
  const less = (a: number, b: number) => dist[a]! < dist[b]! || (dist[a] === dist[b] && a < b);
  const place = (i: number, v: number) => {
    heap[i] = v;
    at[v] = i;
  };
  const up = (i: number) => {
    const v = heap[i]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const w = heap[p]!;
      if (!less(v, w)) break;
      place(i, w);
      i = p;
    }
    place(i, v);
  };
  const down = (i: number) => {
    const v = heap[i]!;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) break;
      const r = l + 1;
      const c = r < size && less(heap[r]!, heap[l]!) ? r : l;
      if (!less(heap[c]!, v)) break;
      place(i, heap[c]!);
      i = c;
    }
    place(i, v);
  };
  const { outOffsets, outEdges, edgeTarget, edgeSlot, source, leadTime } = csr;
  const edgeAlive = masks.edgeAlive;
  for (let v = 0; v < csr.n; v++) {
    if (source[v] === 1 && supplied[v] === 1) {
      dist[v] = 0;
      heap[size] = v;
      at[v] = size++;
    }
  }
  // sources all have distance 0 and were added in index order: already a heap
  while (size > 0) {
    const u = heap[0]!;
    at[u] = -1;
    size--;
    if (size > 0) {
      heap[0] = heap[size]!;
      at[heap[0]!] = 0;
      down(0);
    }
    open[u] = 0;
    const d0 = dist[u]!;
    for (let i = outOffsets[u]!, end = outOffsets[u + 1]!; i < end; i++) {
      const e = outEdges[i]!;
      if (edgeAlive[e] !== 1 || edgeSlot[e]! < 0) continue;
      const v = edgeTarget[e]!;
      if (open[v] !== 1) continue;
      const lt = leadTime[e]!;
      const d = d0 + (Number.isNaN(lt) ? defaultLeadTime : lt);
      // on a tie, the smaller predecessor id wins; a finished node keeps its path (zero-day cycles cannot loop)
      if (d < dist[v]!) {
        dist[v] = d;
        pred[v] = e;
        if (at[v] === -1) {
          heap[size] = v;
          at[v] = size++;
        }
        up(at[v]!);
      } else if (d === dist[v] && pred[v] !== -1 && u < csr.edgeSource[pred[v]!]!) pred[v] = e;
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
 * @param graph - the file graph
 * @param applied - the scenario resolved on it
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
