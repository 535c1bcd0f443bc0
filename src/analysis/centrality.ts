/**
 * Centrality: betweenness of each node on the scenario graph (removed nodes and cut edges left out), and each
 * node's share of its stage's baseline volume.
 *
 * Betweenness counts shortest paths (hop count, directed) through a node (Brandes 2001). Up to
 * `graphologyMaxNodes` alive nodes (the bundled data) it is computed by graphology-metrics. Above that, the same
 * Brandes algorithm runs on the CSR: graphology-metrics resets O(n) arrays per source and took 24 s on a 10k-node
 * synthetic graph where the CSR version takes 0.2 s (tests check both give the same numbers). Up to
 * `exactMaxNodes` every node is a source (exact); above, exact betweenness is out of reach (>120 s at 10^6 nodes
 * in every library measured, perf-anchors.md), so Brandes runs from `pivots` seeded random sources and scales by
 * n / pivots (Brandes & Pich 2007, "Centrality estimation in large networks"); the result says so
 * (`sampledPivots`).
 */
import { DirectedGraph } from "graphology";
import { betweenness as betweennessCentrality } from "graphology-metrics/centrality/index.js";
import { applyScenario } from "../scenario/apply-scenario.js";
import { type AppliedScenario, BASELINE_SCENARIO } from "../scenario/types.js";
import { type Csr, csrOf, type GraphInput, type Masks, scenarioMasks } from "./_csr.js";
import { mulberry32 } from "../model/random.js";

/** Options of `centrality`. */
export interface CentralityOptions {
  /** Largest graph (alive nodes) computed by graphology-metrics. @defaultValue `2000` */
  graphologyMaxNodes?: number;
  /** Largest graph (alive nodes) for exact betweenness. @defaultValue `20000` */
  exactMaxNodes?: number;
  /** Sampled source nodes above `exactMaxNodes`. @defaultValue `200` */
  pivots?: number;
  /** Seed of the pivot sample. @defaultValue `1` */
  seed?: number;
  /** The baseline whose volumes give `volumeShare`; default: the file graph, pipeline excluded. */
  baseline?: AppliedScenario;
  csr?: Csr;
}

export const DEFAULT_CENTRALITY_OPTIONS = {
  graphologyMaxNodes: 2_000,
  exactMaxNodes: 20_000,
  pivots: 200,
  seed: 1,
} as const;

/** One node's centrality. */
export interface NodeCentrality {
  id: string;
  /** Shortest (directed, hop-count) paths between other node pairs through this node, not normalized. */
  betweenness: number;
  /** Baseline out-volume over its stage's total (consumers: in-volume over all consumers'); 0 when removed. */
  volumeShare: number;
}

/** The result of `centrality`, sorted by id. */
export interface Centrality {
  /** null = exact; else the number of sampled pivots. */
  sampledPivots: number | null;
  nodes: NodeCentrality[];
}

/** Brandes from the given sources on the alive CSR (unweighted, directed). */
export function brandes(csr: Csr, masks: Masks, sources: ArrayLike<number>): Float64Array {
  const n = csr.n;
  const bc = new Float64Array(n);
  const sigma = new Float64Array(n);
  const dist = new Int32Array(n).fill(-1);
  const delta = new Float64Array(n);
  const stack = new Int32Array(n);
  for (let k = 0; k < sources.length; k++) {
    const s = sources[k]!;
    if (masks.nodeAlive[s] !== 1) continue;
    let top = 0;
    sigma[s] = 1;
    dist[s] = 0;
    stack[top++] = s;
    // the stack doubles as the BFS queue: nodes in non-decreasing distance order
    for (let head = 0; head < top; head++) {
      const u = stack[head]!;
      for (let i = csr.outOffsets[u]!, end = csr.outOffsets[u + 1]!; i < end; i++) {
        const e = csr.outEdges[i]!;
        if (masks.edgeAlive[e] !== 1) continue;
        const v = csr.edgeTarget[e]!;
        if (dist[v] === -1) {
          dist[v] = dist[u]! + 1;
          stack[top++] = v;
        }
        if (dist[v] === dist[u]! + 1) sigma[v]! += sigma[u]!;
      }
    }
    for (let j = top - 1; j >= 0; j--) {
      const w = stack[j]!;
      for (let i = csr.inOffsets[w]!, end = csr.inOffsets[w + 1]!; i < end; i++) {
        const e = csr.inEdges[i]!;
        if (masks.edgeAlive[e] !== 1) continue;
        const v = csr.edgeSource[e]!;
        if (dist[v] !== -1 && dist[v] === dist[w]! - 1)
          delta[v]! += (sigma[v]! / sigma[w]!) * (1 + delta[w]!);
      }
      if (w !== s) bc[w]! += delta[w]!;
    }
    for (let j = 0; j < top; j++) {
      const w = stack[j]!;
      sigma[w] = 0;
      dist[w] = -1;
      delta[w] = 0;
    }
  }
  return bc;
}

function exactBetweenness(csr: Csr, masks: Masks): Float64Array {
  const bc = new Float64Array(csr.n);
  const sub = new DirectedGraph();
  for (let v = 0; v < csr.n; v++) if (masks.nodeAlive[v] === 1) sub.addNode(csr.ids[v]!);
  for (let e = 0; e < csr.m; e++)
    if (masks.edgeAlive[e] === 1) sub.addEdge(csr.ids[csr.edgeSource[e]!]!, csr.ids[csr.edgeTarget[e]!]!);
  // graphology-metrics throws a mnemonist error on an empty graph
  if (sub.order === 0) return bc;
  const scores = betweennessCentrality(sub, { getEdgeWeight: null, normalized: false });
  for (const [id, score] of Object.entries(scores)) bc[csr.index.get(id)!] = score;
  return bc;
}

/** Betweenness and volume shares as arrays indexed like `csr.ids` (what `centrality` returns per node). */
export interface CentralityScores {
  sampledPivots: number | null;
  betweenness: Float64Array;
  volumeShare: Float64Array;
}

/** The core of `centrality` on the integer view: typed arrays, no object per node. */
export function centralityScores(
  csr: Csr,
  masks: Masks,
  baseline: Masks,
  options: CentralityOptions = {},
): CentralityScores {
  const opts = { ...DEFAULT_CENTRALITY_OPTIONS, ...options };
  let alive = 0;
  for (let v = 0; v < csr.n; v++) alive += masks.nodeAlive[v]!;
  let bc: Float64Array;
  let sampledPivots: number | null = null;
  if (alive <= Math.min(opts.graphologyMaxNodes, opts.exactMaxNodes)) bc = exactBetweenness(csr, masks);
  else if (alive <= opts.exactMaxNodes)
    bc = brandes(
      csr,
      masks,
      Int32Array.from({ length: csr.n }, (_, v) => v),
    );
  else {
    const candidates: number[] = [];
    for (let v = 0; v < csr.n; v++) if (masks.nodeAlive[v] === 1) candidates.push(v);
    const rng = mulberry32(opts.seed);
    // partial Fisher-Yates: the first `pivots` entries are a uniform sample
    const k = Math.min(opts.pivots, candidates.length);
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(rng() * (candidates.length - i));
      [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
    }
    bc = brandes(csr, masks, candidates.slice(0, k));
    const scale = alive / k;
    for (let v = 0; v < csr.n; v++) bc[v]! *= scale;
    sampledPivots = k;
  }

  const throughput = new Float64Array(csr.n);
  for (let e = 0; e < csr.m; e++) {
    if (baseline.edgeAlive[e] !== 1) continue;
    const s = csr.edgeSource[e]!;
    const t = csr.edgeTarget[e]!;
    throughput[s]! += csr.volume[e]!;
    if (csr.demand[t]! > 0) throughput[t]! += csr.volume[e]!;
  }
  // stage totals by interned stage, so the per-node loop does no string hashing
  const stageIndex = new Map<string, number>();
  const stage = new Int32Array(csr.n);
  for (let v = 0; v < csr.n; v++) {
    const name = csr.nodeAttributes.at(v).stage;
    let i = stageIndex.get(name);
    if (i === undefined) {
      i = stageIndex.size;
      stageIndex.set(name, i);
    }
    stage[v] = i;
  }
  const stageTotal = new Float64Array(stageIndex.size);
  for (let v = 0; v < csr.n; v++) stageTotal[stage[v]!]! += throughput[v]!;
  const volumeShare = new Float64Array(csr.n);
  for (let v = 0; v < csr.n; v++) {
    const total = stageTotal[stage[v]!]!;
    volumeShare[v] = masks.nodeAlive[v] === 1 && total > 0 ? throughput[v]! / total : 0;
  }
  return { sampledPivots, betweenness: bc, volumeShare };
}

/**
 * Betweenness on the scenario graph and baseline volume shares.
 * @param graph - the file graph
 * @param applied - the scenario resolved on it
 */
export function centrality(
  graph: GraphInput,
  applied: AppliedScenario,
  options: CentralityOptions = {},
): Centrality {
  const csr = csrOf(graph, options.csr);
  const baseline = scenarioMasks(csr, options.baseline ?? applyScenario(csr, BASELINE_SCENARIO));
  const scores = centralityScores(csr, scenarioMasks(csr, applied), baseline, options);
  return {
    sampledPivots: scores.sampledPivots,
    nodes: csr.ids.map((id, v) => ({
      id,
      betweenness: scores.betweenness[v]!,
      volumeShare: scores.volumeShare[v]!,
    })),
  };
}
