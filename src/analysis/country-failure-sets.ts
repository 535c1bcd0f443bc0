/**
 * Country-level failure points: for each consumer, the smallest sets of countries whose joint loss leaves it
 * unsupplied ("Toyota is cut off by China alone; the US needs China and Myanmar"). Exact, by search over
 * country subsets in order of size (1, 2, ... `maxSetSize`) with pruning: a subset that contains a set already
 * found is not minimal and is skipped, and only countries in the consumer's supply cone are tried. Each test is
 * one supply run on a sub-view of the cone (`_cone.ts`), so the cost per consumer is (subsets tried) × (cone size).
 * The consumer itself is never removed with its country: the question is which countries its supply needs.
 */
import type { AppliedScenario } from "../scenario/types.js";
import { clearCone, coneView, supplyCone } from "./_cone.js";
import { type Csr, csrOf, type GraphInput, consumerIndices, scenarioMasks } from "./_csr.js";
import { SupplyRunner } from "./_propagate.js";
import { supplyMask } from "./supply.js";

/** Options of `countryFailureSets`. */
export interface CountryFailureSetsOptions {
  /** Largest set size searched; sets of more countries are not reported. @defaultValue `4` */
  maxSetSize?: number;
  /** Only these consumer ids (default: every consumer the scenario keeps). */
  consumers?: string[];
  /** Supply runs allowed per consumer before the search stops (`complete: false`). @defaultValue `20000` */
  maxRunsPerConsumer?: number;
  csr?: Csr;
}

export const DEFAULT_COUNTRY_FAILURE_SETS_OPTIONS = {
  maxSetSize: 4,
  maxRunsPerConsumer: 20_000,
} as const;

/** One consumer's minimal country sets. */
export interface ConsumerCountrySets {
  id: string;
  /** Minimal country sets (each sorted), by size then alphabetically; `[[]]` when it is already unsupplied. */
  countryFailureSets: string[][];
  /** False when the run budget stopped the search before every subset up to `maxSetSize` was tried. */
  complete: boolean;
}

/** The result of `countryFailureSets`, sorted by consumer id. */
export interface CountryFailureSets {
  maxSetSize: number;
  consumers: ConsumerCountrySets[];
}

/** Calls `visit` with every k-subset of [0, n) in lexicographic order, until it returns false. */
function forEachSubset(n: number, k: number, visit: (subset: number[]) => boolean): boolean {
  const subset = Array.from({ length: k }, (_, i) => i);
  if (k > n) return true;
  for (;;) {
    if (!visit(subset)) return false;
    let i = k - 1;
    while (i >= 0 && subset[i] === n - k + i) i--;
    if (i < 0) return true;
    subset[i]!++;
    for (let j = i + 1; j < k; j++) subset[j] = subset[j - 1]! + 1;
  }
}

/**
 * Minimal sets of countries whose joint loss unsupplies each consumer, up to `maxSetSize` countries.
 * @param graph - the file graph
 * @param applied - the scenario resolved on it (the search starts from the scenario's state)
 */
export function countryFailureSets(
  graph: GraphInput,
  applied: AppliedScenario,
  options: CountryFailureSetsOptions = {},
): CountryFailureSets {
  const opts = { ...DEFAULT_COUNTRY_FAILURE_SETS_OPTIONS, ...options };
  const csr = csrOf(graph, opts.csr);
  const masks = scenarioMasks(csr, applied);
  const base = supplyMask(csr, masks).supplied;
  const wanted = opts.consumers ? new Set(opts.consumers) : undefined;
  const mark = new Uint8Array(csr.n);
  const local = new Int32Array(csr.n);
  const countryDead = new Uint8Array(csr.countries.length);
  const result: ConsumerCountrySets[] = [];

  for (const c of consumerIndices(csr)) {
    const id = csr.ids[c]!;
    if (masks.removed[c] === 1 || (wanted && !wanted.has(id))) continue;
    if (base[c] !== 1) {
      result.push({ id, countryFailureSets: [[]], complete: true });
      continue;
    }
    const cone = supplyCone(csr, masks, c, mark);
    // the search runs on the cone alone: local index 0 is the consumer (supplyCone lists the target first)
    const view = coneView(csr, masks, cone, mark, local);
    clearCone(cone, mark);
    const runner = new SupplyRunner(view);
    const alive = new Uint8Array(view.n).fill(1);
    const edgeAlive = new Uint8Array(view.edgeTarget.length).fill(1);
    const countries = [...new Set(view.country.subarray(1))].sort((a, b) => a - b);
    const found: number[][] = [];
    let runs = 0;
    let complete = true;
    for (let k = 1; k <= opts.maxSetSize && complete; k++) {
      complete = forEachSubset(countries.length, k, (subset) => {
        const picked = subset.map((i) => countries[i]!);
        if (found.some((f) => f.every((x) => picked.includes(x)))) return true;
        if (++runs > opts.maxRunsPerConsumer) return false;
        for (const x of picked) countryDead[x] = 1;
        runner.run(alive, edgeAlive, undefined, countryDead, 0);
        for (const x of picked) countryDead[x] = 0;
        if (runner.supplied[0] !== 1) found.push(picked);
        return true;
      });
    }
    result.push({
      id,
      countryFailureSets: found.map((f) => f.map((x) => csr.countries[x]!)),
      complete,
    });
  }
  return { maxSetSize: opts.maxSetSize, consumers: result };
}
