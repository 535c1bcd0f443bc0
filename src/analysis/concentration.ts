/**
 * Market concentration of a supply graph: each stage's output by country (shares, top-3, Herfindahl-Hirschman
 * index), each country's imports by origin, and a look-through of the mined and separated material inside each
 * country's consumption.
 *
 * Imports are counted the way trade statistics count them: edges into a country from nodes abroad at an import
 * stage (compounds and metals, e.g. HS 2846/2805) and, separately, from nodes abroad at a finished-goods stage
 * (e.g. magnets). When the graph declares `materials` with a `reoFactor` per material, both are summed in that
 * common unit (tonnes of rare-earth oxide equivalent), so oxides, metals and magnets add up; otherwise in the
 * graph's own units.
 */
import { kahnOrder } from "../model/_kahn.js";
import { type Csr, csrOf, type GraphInput } from "../model/csr.js";
import { isConsumer, isPipeline } from "../model/types.js";
import { sortedRecord } from "./_records.js";
import { dict } from "../model/dict.js";

/** Options of `concentrationReport`. */
export interface ConcentrationOptions {
  /** Count planned and under-construction facilities (and their edges) as if they operated. */
  includePlanned?: boolean;
  /** Stages to trace back to for the look-through; default: the first stage and the first import stage. */
  lookThroughStages?: string[];
  /**
   * Stages whose output counts as finished-goods imports; default: the stages after the last import stage,
   * except the last stage of the graph (the consumers).
   */
  finishedStages?: string[];
}

export const DEFAULT_CONCENTRATION_OPTIONS: Required<
  Omit<ConcentrationOptions, "lookThroughStages" | "finishedStages">
> = {
  includePlanned: false,
};

/** One stage's output and how it splits by country. */
export interface StageConcentration {
  /** Sum over the stage's nodes of out-edge volume (or capacity with no out-edge volume; demand for consumers). */
  output: number;
  /** Country → fraction of `output`, sorted by code. */
  shares: Record<string, number>;
  /** Herfindahl-Hirschman index of the country shares, 0-10,000. */
  hhi: number;
  /** Combined share of the three largest countries. */
  top3: number;
}

/** Imports of one country by origin, in the report's `importUnits`. */
export interface CountryImports {
  /** Volume of edges into the country from nodes abroad whose stage is an import stage (compounds, metals). */
  total: number;
  /** Origin country → fraction of `total`, sorted by code. */
  shares: Record<string, number>;
  /** The same for edges from nodes abroad at a finished-goods stage (e.g. magnets). */
  finished: { total: number; shares: Record<string, number> };
}

/** The concentration report; `schema` is bumped on any incompatible change. */
export interface ConcentrationReport {
  schema: 1;
  graph: { name: string; year: number | null; nodes: number; edges: number };
  stages: Record<string, StageConcentration>;
  imports: Record<string, CountryImports>;
  /** Unit of `imports`: "t REO eq" when the graph gives REO factors for its materials, else the graph's units. */
  importUnits: string;
  /**
   * Stage → consuming country → origin country → fraction: where the material made at that stage inside a
   * country's consumption (weighted by demand) comes from, propagated by volume shares through processors.
   */
  lookThrough: Record<string, Record<string, Record<string, number>>>;
}

/**
 * Per-stage, per-country concentration (shares, Herfindahl-Hirschman index, top-3 share), imports by origin and
 * look-through shares: the report of `chokepoint summary` (docs/concentration.md).
 * @param graph - the file graph, or its integer view
 * @param options - `includePlanned` (default false); `lookThroughStages` (default: the first stage and the
 *   first import stage)
 * @example
 * ```ts
 * const report = concentrationReport(loadBundledGraph());
 * console.log(report.stages.refinery?.shares.CN); // China's share of separation
 * ```
 */
export function concentrationReport(
  graph: GraphInput,
  options: ConcentrationOptions = {},
): ConcentrationReport {
  const opts = { ...DEFAULT_CONCENTRATION_OPTIONS, ...options };
  // On the integer view, so a 10^6-node `summary` needs no graphology graph (it took 150 s and 5.9 GB that way).
  const csr = csrOf(graph);
  const attrs = csr.nodeAttributes;
  const stages = csr.graphAttributes.stages ?? [];
  const kept = new Uint8Array(csr.n);
  for (let v = 0; v < csr.n; v++) kept[v] = opts.includePlanned || !isPipeline(attrs.at(v)) ? 1 : 0;
  const keptEdge = (e: number) => kept[csr.edgeSource[e]!] === 1 && kept[csr.edgeTarget[e]!] === 1;

  const byStage = new Map<string, Map<string, number>>(stages.map((s) => [s, new Map()]));
  for (let v = 0; v < csr.n; v++) {
    if (kept[v] !== 1) continue;
    const a = attrs.at(v);
    let out = 0;
    let hasVolume = false;
    for (let i = csr.outOffsets[v]!; i < csr.outOffsets[v + 1]!; i++) {
      const e = csr.outEdges[i]!;
      if (keptEdge(e) && csr.volumeGiven[e] === 1) {
        out += csr.volume[e]!;
        hasVolume = true;
      }
    }
    const value = isConsumer(a) ? (a.demand ?? 0) : hasVolume ? out : (a.capacity ?? 0);
    const m = byStage.get(a.stage);
    if (m) m.set(a.country, (m.get(a.country) ?? 0) + value);
  }
  const stageResult = dict<StageConcentration>();
  for (const [stage, m] of byStage) stageResult[stage] = concentrationOf(m);

  const importStageList = csr.graphAttributes.importStages ?? [];
  const importStages = new Set(importStageList);
  const finishedStages = new Set(options.finishedStages ?? defaultFinishedStages(stages, importStageList));
  const reo = reoFactors(csr.graphAttributes.materials);
  const compounds = new Map<string, Map<string, number>>();
  const finished = new Map<string, Map<string, number>>();
  for (let e = 0; e < csr.m; e++) {
    const sa = attrs.at(csr.edgeSource[e]!);
    const ta = attrs.at(csr.edgeTarget[e]!);
    if (!keptEdge(e) || sa.country === ta.country) continue;
    const into = importStages.has(sa.stage) ? compounds : finishedStages.has(sa.stage) ? finished : null;
    if (!into) continue;
    const factor = reo === null ? 1 : (reo.get(sa.output ?? "") ?? 1);
    const m = into.get(ta.country) ?? new Map<string, number>();
    m.set(sa.country, (m.get(sa.country) ?? 0) + csr.volume[e]! * factor);
    into.set(ta.country, m);
  }
  const importResult = dict<CountryImports>();
  for (const country of [...new Set([...compounds.keys(), ...finished.keys()])].sort()) {
    const c = concentrationOf(compounds.get(country) ?? new Map());
    const f = concentrationOf(finished.get(country) ?? new Map());
    if (c.output > 0 || f.output > 0)
      importResult[country] = {
        total: c.output,
        shares: c.shares,
        finished: { total: f.output, shares: f.shares },
      };
  }

  const firstImport = (csr.graphAttributes.importStages ?? [])[0];
  const traced = opts.lookThroughStages ?? [stages[0], firstImport].filter((s): s is string => !!s);
  const lookThrough: ConcentrationReport["lookThrough"] = dict();
  for (const stage of [...new Set(traced)])
    lookThrough[stage] = lookThroughShares(csr, stage, kept, keptEdge);

  return {
    schema: 1,
    graph: {
      name: csr.graphAttributes.name ?? "",
      year: csr.graphAttributes.year ?? null,
      nodes: csr.n,
      edges: csr.m,
    },
    stages: stageResult,
    imports: importResult,
    importUnits: reo === null ? (csr.graphAttributes.units ?? "") : "t REO eq",
    lookThrough,
  };
}

/** The stages after the last import stage, except the graph's last stage (its consumers). */
function defaultFinishedStages(stages: readonly string[], importStages: readonly string[]): string[] {
  const last = Math.max(-1, ...importStages.map((s) => stages.indexOf(s)));
  return last < 0 ? [] : stages.slice(last + 1, -1);
}

/**
 * Material → t REO per t, from the graph attribute `materials` ({name: {reoFactor}}); null when the graph has
 * no such table, so imports stay in the graph's own units. Materials without a finite positive factor count 1.
 */
function reoFactors(materials: unknown): Map<string, number> | null {
  if (materials === null || typeof materials !== "object") return null;
  const out = new Map<string, number>();
  for (const [name, m] of Object.entries(materials as Record<string, unknown>)) {
    const f = m !== null && typeof m === "object" ? (m as { reoFactor?: unknown }).reoFactor : undefined;
    if (typeof f === "number" && Number.isFinite(f) && f > 0) out.set(name, f);
  }
  return out.size > 0 ? out : null;
}

function concentrationOf(byCountry: Map<string, number>): StageConcentration {
  let output = 0;
  for (const v of byCountry.values()) output += v;
  const shares = new Map<string, number>();
  if (output > 0) for (const [c, v] of byCountry) if (v > 0) shares.set(c, v / output);
  const sorted = [...shares.values()].sort((a, b) => b - a);
  const hhi = sorted.reduce((sum, s) => sum + (s * 100) ** 2, 0);
  const top3 = sorted.slice(0, 3).reduce((sum, s) => sum + s, 0);
  return { output, shares: sortedRecord(shares), hhi, top3 };
}

/**
 * Origin vectors propagated downstream: a node at `stage` (or, for the first stage, any source) is 100% its
 * own country; every other node mixes its suppliers' vectors weighted by edge volume. Processed in
 * topological order (Kahn); nodes on cycles are iterated to a fixed point. Vectors are keyed by country index.
 */
function lookThroughShares(
  csr: Csr,
  stage: string,
  kept: Uint8Array,
  keptEdge: (e: number) => boolean,
): Record<string, Record<string, number>> {
  const stages = csr.graphAttributes.stages ?? [];
  const attrs = csr.nodeAttributes;
  const origin: Array<Map<number, number> | undefined> = new Array(csr.n);
  const compute = (v: number): Map<number, number> => {
    const a = attrs.at(v);
    const fileSource = csr.inOffsets[v + 1] === csr.inOffsets[v] && !isConsumer(a);
    if (a.stage === stage || (stage === stages[0] && fileSource)) return new Map([[csr.country[v]!, 1]]);
    const mix = new Map<number, number>();
    let total = 0;
    for (let i = csr.inOffsets[v]!; i < csr.inOffsets[v + 1]!; i++) {
      const e = csr.inEdges[i]!;
      const o = origin[csr.edgeSource[e]!];
      if (!keptEdge(e) || !o || o.size === 0) continue;
      const w = csr.volume[e]!;
      total += w;
      for (const [c, f] of o) mix.set(c, (mix.get(c) ?? 0) + w * f);
    }
    if (total > 0) for (const [c, f] of mix) mix.set(c, f / total);
    return total > 0 ? mix : new Map();
  };
  const order = topologicalOrder(csr, kept);
  for (const v of order.acyclic) origin[v] = compute(v);
  for (let pass = 0; pass < 50 && order.cyclic.length > 0; pass++) {
    for (const v of order.cyclic) origin[v] = compute(v);
  }
  const byCountry = new Map<string, Map<string, number>>();
  for (let v = 0; v < csr.n; v++) {
    const a = attrs.at(v);
    if (kept[v] !== 1 || !isConsumer(a)) continue;
    const o = origin[v];
    if (!o || o.size === 0) continue;
    const m = byCountry.get(a.country) ?? new Map<string, number>();
    for (const [c, f] of o) {
      const name = csr.countries[c]!;
      m.set(name, (m.get(name) ?? 0) + f * (a.demand ?? 0));
    }
    byCountry.set(a.country, m);
  }
  const result = dict<Record<string, number>>();
  for (const country of [...byCountry.keys()].sort())
    result[country] = concentrationOf(byCountry.get(country)!).shares;
  return result;
}

/** Kahn's order of the kept nodes over the view's out-lists (`_kahn.ts`); ties broken by id (index). */
function topologicalOrder(csr: Csr, kept: Uint8Array): { acyclic: Int32Array; cyclic: Int32Array } {
  const { order, acyclic } = kahnOrder(
    csr.n,
    (u, visit) => {
      for (let k = csr.outOffsets[u]!; k < csr.outOffsets[u + 1]!; k++)
        visit(csr.edgeTarget[csr.outEdges[k]!]!);
    },
    kept,
  );
  return { acyclic: order.subarray(0, acyclic), cyclic: order.subarray(acyclic) };
}
