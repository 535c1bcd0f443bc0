/**
 * Single points of failure: for each supplied consumer, the facilities whose loss ALONE leaves it unsupplied
 * (under the same AND/OR semantics as `supplyStatus`), and for each node how many consumers and how much demand
 * it alone cuts off. Computed from dominator sets (`_dominator-sets.ts`: Cooper-Harvey-Kennedy 2001, extended to
 * recipes) rather than by re-running the supply check once per node, which is O(n · (n + m)).
 * Per-node figures are sums over the consumers' sets: O(Σ |set|).
 */
import type { AppliedScenario } from "../scenario/types.js";
import { type Csr, csrOf, type GraphInput, consumerIndices, type Masks, scenarioMasks } from "./_csr.js";
import { dominatorSets } from "./_dominator-sets.js";
import type { SupplyRunner } from "./_propagate.js";
import { supplyMask } from "./supply.js";

/** Options of `singlePointsOfFailure`. */
export interface SinglePointsOfFailureOptions {
  /** A CSR view already built for this graph. */
  csr?: Csr;
}

export const DEFAULT_SINGLE_POINTS_OF_FAILURE_OPTIONS: SinglePointsOfFailureOptions = {};

/** One consumer's single points of failure (node ids, sorted; the consumer itself is not listed). */
export interface ConsumerSinglePoints {
  id: string;
  singlePointsOfFailure: string[];
}

/** What one node cuts off when it alone fails. */
export interface NodeCutOff {
  id: string;
  /** Supplied consumers (other than the node itself) that lose supply when this node alone fails. */
  consumersCutAlone: number;
  /** Their demand, in the graph's units (t/yr of magnet in the bundled data). */
  demandCutAlone: number;
}

/** The result of `singlePointsOfFailure`; both lists sorted by id. Unsupplied consumers have `[]`. */
export interface SinglePointsOfFailure {
  consumers: ConsumerSinglePoints[];
  nodes: NodeCutOff[];
}

/** Per-node cut-off counts from dominator sets, as typed arrays indexed like `csr.ids`. */
export function cutOffCounts(
  csr: Csr,
  masks: Masks,
  runner: SupplyRunner,
  sets: (number[] | null)[],
): { consumers: Int32Array; demand: Float64Array } {
  const cached = cutOffCache.get(sets);
  if (cached) return cached;
  const counts = countCutOff(csr, masks, runner, sets);
  cutOffCache.set(sets, counts);
  return counts;
}

// analyze and the demand-cut attack order both need these: computed once per dominator sets (treat as read-only)
const cutOffCache = new WeakMap<object, { consumers: Int32Array; demand: Float64Array }>();

function countCutOff(
  csr: Csr,
  masks: Masks,
  runner: SupplyRunner,
  sets: (number[] | null)[],
): { consumers: Int32Array; demand: Float64Array } {
  const consumers = new Int32Array(csr.n);
  const demand = new Float64Array(csr.n);
  for (const c of consumerIndices(csr)) {
    const set = sets[c];
    if (!set || runner.supplied[c] !== 1 || masks.nodeAlive[c] !== 1) continue;
    for (const x of set) {
      if (x === c) continue;
      consumers[x]!++;
      demand[x]! += csr.demand[c]!;
    }
  }
  return { consumers, demand };
}

/** Single points of failure per consumer, and the per-node cut-off counts as typed arrays (no object per node). */
export interface SinglePointsOfFailureCore {
  consumers: ConsumerSinglePoints[];
  cutOff: { consumers: Int32Array; demand: Float64Array };
}

/** The core of `singlePointsOfFailure`, for callers that keep per-node figures in arrays (`analyze`). */
export function singlePointsOfFailureCore(csr: Csr, applied: AppliedScenario): SinglePointsOfFailureCore {
  const masks = scenarioMasks(csr, applied);
  const runner = supplyMask(csr, masks);
  const sets = dominatorSets(csr, masks, runner);
  const consumers: ConsumerSinglePoints[] = [];
  for (const c of consumerIndices(csr)) {
    if (masks.removed[c] === 1) continue;
    const set = runner.supplied[c] === 1 ? (sets[c] ?? []) : [];
    const ids: string[] = [];
    for (const x of set) if (x !== c) ids.push(csr.ids[x]!);
    consumers.push({ id: csr.ids[c]!, singlePointsOfFailure: ids });
  }
  return { consumers, cutOff: cutOffCounts(csr, masks, runner, sets) };
}

/**
 * Single points of failure of every consumer the scenario keeps, and what each node cuts off alone.
 * @param graph - the file graph, or its integer view
 * @param applied - the scenario resolved on it
 * @example
 * ```ts
 * const graph = loadBundledGraph();
 * const spof = singlePointsOfFailure(graph, applyScenario(graph, loadScenario("no-china")));
 * console.log(spof.consumers.find((c) => c.id === "toyota")?.singlePointsOfFailure);
 * ```
 */
export function singlePointsOfFailure(
  graph: GraphInput,
  applied: AppliedScenario,
  options: SinglePointsOfFailureOptions = {},
): SinglePointsOfFailure {
  const csr = csrOf(graph, options.csr);
  const { consumers, cutOff } = singlePointsOfFailureCore(csr, applied);
  const nodes: NodeCutOff[] = csr.ids.map((id, v) => ({
    id,
    consumersCutAlone: cutOff.consumers[v]!,
    demandCutAlone: cutOff.demand[v]!,
  }));
  return { consumers, nodes };
}
