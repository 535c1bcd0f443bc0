/**
 * Single points of failure: for each supplied consumer, the facilities whose loss ALONE leaves it unsupplied
 * (under the same AND/OR semantics as `supplyStatus`), and for each node how many consumers and how much demand
 * it alone cuts off. Computed from the dominator DAG (`_dominators.ts`: Cooper-Harvey-Kennedy 2001, extended to
 * recipes) rather than by re-running the supply check once per node, which is O(n · (n + m)).
 *
 * The DAG takes linear space; the lists are expanded only here, for output. A consumer's list can be as long as
 * the graph (a sole-sourced chain), and n such lists are O(n²), so each list holds at most `maxListed` nodes:
 * the nearest ones, whole levels of the DAG at a time (no cut depends on node ids), with the count left out.
 * Per-node figures are subtree sums over the DAG in reverse order (a node with several immediate dominators
 * adds its sum to every node of its expanded set once), not sums over the lists.
 */
import type { AppliedScenario } from "../scenario/types.js";
import { type Csr, csrOf, type GraphInput, consumerIndices, type Masks, scenarioMasks } from "./_csr.js";
import { DominatorLister } from "./_dominator-lister.js";
import { scratchFloat64, scratchInt32, scratchUint8 } from "./_scratch.js";
import { type Dominators, dominators, forEachDominator } from "./_dominators.js";
import { supplyMask } from "./supply.js";

/** Options of `singlePointsOfFailure`. */
export interface SinglePointsOfFailureOptions {
  /** A CSR view already built for this graph. */
  csr?: Csr;
  /** The most single points of failure listed per consumer (the nearest levels; the rest are counted). */
  maxListed?: number;
}

export const DEFAULT_SINGLE_POINTS_OF_FAILURE_OPTIONS: Required<
  Pick<SinglePointsOfFailureOptions, "maxListed">
> = { maxListed: 1000 };

/** One consumer's single points of failure (node ids, sorted; the consumer itself is not listed). */
export interface ConsumerSinglePoints {
  id: string;
  singlePointsOfFailure: string[];
  /** How many single points of failure `maxListed` left out of the list (0 = the list is complete). */
  singlePointsOfFailureOmitted: number;
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

/** Per-node cut-off counts from the dominator DAG, as typed arrays indexed like `csr.ids`; memoized per DAG. */
export function cutOffCounts(
  csr: Csr,
  masks: Masks,
  dom: Dominators,
): { consumers: Int32Array; demand: Float64Array } {
  const cached = cutOffCache.get(dom);
  if (cached) return cached;
  const counts = countCutOff(csr, masks, dom);
  cutOffCache.set(dom, counts);
  return counts;
}

// analyze and the demand-cut attack order both need these: computed once per DAG (treat as read-only)
const cutOffCache = new WeakMap<object, { consumers: Int32Array; demand: Float64Array }>();

function countCutOff(
  csr: Csr,
  masks: Masks,
  dom: Dominators,
): { consumers: Int32Array; demand: Float64Array } {
  // below[x]: consumers (and demand) reaching x through nodes with one immediate dominator, passed up the tree
  const consumers = new Int32Array(csr.n);
  const demand = new Float64Array(csr.n);
  // direct[x]: sums added by nodes with several immediate dominators to their whole set, not passed further
  const directConsumers = scratchInt32(csr, "cutOff.directConsumers", csr.n);
  const directDemand = scratchFloat64(csr, "cutOff.directDemand", csr.n);
  const stamp = scratchUint8(csr, "cutOff.stamp", csr.n);
  for (let i = dom.order.length - 1; i >= 0; i--) {
    const v = dom.order[i]!;
    const k = dom.size[v]!;
    if (k === 0) continue;
    const own = csr.demand[v]! > 0 && masks.nodeAlive[v] === 1;
    const c = consumers[v]! + (own ? 1 : 0);
    const d = demand[v]! + (own ? csr.demand[v]! : 0);
    if (c === 0) continue;
    if (k === 1) {
      const p = dom.idoms[dom.start[v]!]!;
      consumers[p]! += c;
      demand[p]! += d;
    } else
      forEachDominator(dom, v, stamp, (x) => {
        directConsumers[x]! += c;
        directDemand[x]! += d;
      });
  }
  for (let x = 0; x < csr.n; x++) {
    consumers[x]! += directConsumers[x]!;
    demand[x]! += directDemand[x]!;
  }
  return { consumers, demand };
}

/** Single points of failure per consumer, and the per-node cut-off counts as typed arrays (no object per node). */
export interface SinglePointsOfFailureCore {
  consumers: ConsumerSinglePoints[];
  cutOff: { consumers: Int32Array; demand: Float64Array };
}

/** The core of `singlePointsOfFailure`, for callers that keep per-node figures in arrays (`analyze`). */
export function singlePointsOfFailureCore(
  csr: Csr,
  applied: AppliedScenario,
  maxListed: number = DEFAULT_SINGLE_POINTS_OF_FAILURE_OPTIONS.maxListed,
): SinglePointsOfFailureCore {
  const masks = scenarioMasks(csr, applied);
  const dom = dominators(csr, masks, supplyMask(csr, masks));
  const lister = new DominatorLister(dom, csr, csr.n);
  const consumers: ConsumerSinglePoints[] = [];
  for (const c of consumerIndices(csr)) {
    if (masks.removed[c] === 1) continue;
    const listed = dom.supplied[c] === 1 ? lister.list(c, maxListed) : 0;
    const ids = new Array<string>(listed);
    for (let i = 0; i < listed; i++) ids[i] = csr.ids[lister.out[i]!]!;
    consumers.push({
      id: csr.ids[c]!,
      singlePointsOfFailure: ids,
      singlePointsOfFailureOmitted: dom.supplied[c] === 1 ? dom.count[c]! - listed : 0,
    });
  }
  return { consumers, cutOff: cutOffCounts(csr, masks, dom) };
}

/**
 * Single points of failure of every consumer the scenario keeps, and what each node cuts off alone.
 * @param graph - the file graph, or its integer view
 * @param applied - the scenario resolved on it
 * @param options - `maxListed` (default 1000): the most nodes listed per consumer
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
  const opts = { ...DEFAULT_SINGLE_POINTS_OF_FAILURE_OPTIONS, ...options };
  const csr = csrOf(graph, opts.csr);
  const { consumers, cutOff } = singlePointsOfFailureCore(csr, applied, opts.maxListed);
  const nodes: NodeCutOff[] = csr.ids.map((id, v) => ({
    id,
    consumersCutAlone: cutOff.consumers[v]!,
    demandCutAlone: cutOff.demand[v]!,
  }));
  return { consumers, nodes };
}
