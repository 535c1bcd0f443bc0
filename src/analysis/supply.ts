/**
 * Supply with bills of materials: which consumers a scenario still supplies, and what the others miss.
 *
 * A node is supplied when the scenario keeps it and it is a source of the file graph, or, with a `recipe`, every
 * recipe material reaches it from at least one supplied supplier over a kept edge, or, without one, at least one
 * supplied supplier reaches it. A naive "everything downstream is affected" BFS is wrong here: it ignores
 * alternative suppliers and ANDed inputs. Linear time (counter propagation, see `_propagate.ts`).
 */
import type { AppliedScenario } from "../scenario/types.js";
import { type Csr, csrOf, type GraphInput, consumerIndices, type Masks, scenarioMasks } from "./_csr.js";
import { SupplyRunner } from "./_propagate.js";
import { inColumns } from "./_in-columns.js";

/** Options of `supplyStatus`. */
export interface SupplyOptions {
  /** A CSR view already built for this graph (saves the build when several analyses run). */
  csr?: Csr;
}

export const DEFAULT_SUPPLY_OPTIONS: SupplyOptions = {};

/** One consumer under the scenario. */
export interface ConsumerSupply {
  id: string;
  supplied: boolean;
  /** Recipe materials no supplied supplier delivers; for a consumer without recipe, the materials its file suppliers ship. Sorted; `[]` when supplied. */
  missing: string[];
}

/** The result of `supplyStatus`. */
export interface SupplyStatus {
  /** Every consumer of the file not removed by the scenario, sorted by id. */
  consumers: ConsumerSupply[];
  /** Ids of the unsupplied consumers, sorted. */
  unsupplied: string[];
  /** Number of supplied nodes of any kind. */
  suppliedNodes: number;
}

const runnerCache = new WeakMap<Masks, SupplyRunner>();

/**
 * The supplied flag of every node (indexed like `csr.ids`), plus the runner holding slot states. Memoized per
 * masks object: never call `run` on the returned runner (make a new `SupplyRunner` for that).
 */
export function supplyMask(csr: Csr, masks: Masks): SupplyRunner {
  const cached = runnerCache.get(masks);
  if (cached) return cached;
  const runner = new SupplyRunner(csr);
  runner.run(masks.nodeAlive, masks.edgeAlive);
  runnerCache.set(masks, runner);
  return runner;
}

/** Materials a consumer misses (see `ConsumerSupply.missing`). */
export function missingMaterials(csr: Csr, runner: SupplyRunner, v: number): string[] {
  if (runner.supplied[v] === 1) return [];
  // a handful of materials at most: a small array with `includes` (no Set per unsupplied consumer)
  const out: string[] = [];
  const add = (name: string) => {
    if (!out.includes(name)) out.push(name);
  };
  const from = csr.slotOffsets[v]!;
  const to = csr.slotOffsets[v + 1]!;
  if (csr.slotMaterial[from] !== -1) {
    for (let s = from; s < to; s++) if (!runner.isFilled(s)) add(csr.materials[csr.slotMaterial[s]!]!);
  } else {
    const inSource = inColumns(csr).source;
    for (let i = csr.inOffsets[v]!; i < csr.inOffsets[v + 1]!; i++) {
      const mat = csr.material[inSource[i]!]!;
      if (mat >= 0) add(csr.materials[mat]!);
    }
  }
  return out.length > 1 ? out.sort() : out;
}

/**
 * Which consumers the scenario still supplies, and what each unsupplied one misses. Binary ("can any route
 * still deliver"), with recipes: a node needs every recipe material from at least one supplied supplier.
 * @param graph - the file graph, or its integer view
 * @param applied - the scenario resolved on that graph (`applyScenario`)
 * @example
 * ```ts
 * const graph = loadBundledGraph();
 * const status = supplyStatus(graph, applyScenario(graph, buildScenario({ remove: ["country=CN"] })));
 * for (const c of status.consumers) if (!c.supplied) console.log(c.id, "misses", c.missing);
 * ```
 */
export function supplyStatus(
  graph: GraphInput,
  applied: AppliedScenario,
  options: SupplyOptions = {},
): SupplyStatus {
  const csr = csrOf(graph, options.csr);
  const masks = scenarioMasks(csr, applied);
  const runner = supplyMask(csr, masks);
  const consumers: ConsumerSupply[] = [];
  const unsupplied: string[] = [];
  for (const v of consumerIndices(csr)) {
    if (masks.removed[v] === 1) continue;
    const supplied = runner.supplied[v] === 1;
    consumers.push({ id: csr.ids[v]!, supplied, missing: missingMaterials(csr, runner, v) });
    if (!supplied) unsupplied.push(csr.ids[v]!);
  }
  return { consumers, unsupplied, suppliedNodes: runner.count };
}
