/**
 * Market concentration of a supply graph: each stage's output by country (shares, top-3, Herfindahl-Hirschman
 * index), each country's imports by origin, and a look-through of the mined and separated material inside each
 * country's consumption.
 */
import { isConsumer, isPipeline, type SupplyGraph } from "../model/types.js";
import { sortedRecord } from "./_records.js";

/** Options of `concentrationReport`. */
export interface ConcentrationOptions {
  /** Count planned and under-construction facilities (and their edges) as if they operated. */
  includePlanned?: boolean;
  /** Stages to trace back to for the look-through; default: the first stage and the first import stage. */
  lookThroughStages?: string[];
}

export const DEFAULT_CONCENTRATION_OPTIONS: Required<Omit<ConcentrationOptions, "lookThroughStages">> = {
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

/** Imports of one country by origin. */
export interface CountryImports {
  /** Volume of edges into the country from nodes abroad whose stage is an import stage. */
  total: number;
  shares: Record<string, number>;
}

/** The concentration report; `schema` is bumped on any incompatible change. */
export interface ConcentrationReport {
  schema: 1;
  graph: { name: string; year: number | null; nodes: number; edges: number };
  stages: Record<string, StageConcentration>;
  imports: Record<string, CountryImports>;
  /**
   * Stage → consuming country → origin country → fraction: where the material made at that stage inside a
   * country's consumption (weighted by demand) comes from, propagated by volume shares through processors.
   */
  lookThrough: Record<string, Record<string, Record<string, number>>>;
}

/** Per-stage, per-country concentration, imports by origin and look-through shares. */
export function concentrationReport(
  graph: SupplyGraph,
  options: ConcentrationOptions = {},
): ConcentrationReport {
  const opts = { ...DEFAULT_CONCENTRATION_OPTIONS, ...options };
  const stages = graph.getAttribute("stages") ?? [];
  const kept = (node: string) => opts.includePlanned || !isPipeline(graph.getNodeAttributes(node));
  const keptEdge = (edge: string) => kept(graph.source(edge)) && kept(graph.target(edge));

  const byStage = new Map<string, Map<string, number>>(stages.map((s) => [s, new Map()]));
  graph.forEachNode((node, a) => {
    if (!kept(node)) return;
    let out = 0;
    let hasVolume = false;
    graph.forEachOutEdge(node, (edge, e) => {
      if (keptEdge(edge) && e.volume !== undefined) {
        out += e.volume;
        hasVolume = true;
      }
    });
    const value = isConsumer(a) ? (a.demand ?? 0) : hasVolume ? out : (a.capacity ?? 0);
    const m = byStage.get(a.stage);
    if (m) m.set(a.country, (m.get(a.country) ?? 0) + value);
  });
  const stageResult: Record<string, StageConcentration> = {};
  for (const [stage, m] of byStage) stageResult[stage] = concentrationOf(m);

  const importStages = new Set(graph.getAttribute("importStages") ?? []);
  const imports = new Map<string, Map<string, number>>();
  graph.forEachEdge((edge, e, _s, _t, sa, ta) => {
    if (!keptEdge(edge) || sa.country === ta.country || !importStages.has(sa.stage)) return;
    const m = imports.get(ta.country) ?? new Map<string, number>();
    m.set(sa.country, (m.get(sa.country) ?? 0) + (e.volume ?? 0));
    imports.set(ta.country, m);
  });
  const importResult: Record<string, CountryImports> = {};
  for (const country of [...imports.keys()].sort()) {
    const c = concentrationOf(imports.get(country)!);
    if (c.output > 0) importResult[country] = { total: c.output, shares: c.shares };
  }

  const firstImport = (graph.getAttribute("importStages") ?? [])[0];
  const traced = opts.lookThroughStages ?? [stages[0], firstImport].filter((s): s is string => !!s);
  const lookThrough: ConcentrationReport["lookThrough"] = {};
  for (const stage of [...new Set(traced)])
    lookThrough[stage] = lookThroughShares(graph, stage, kept, keptEdge);

  return {
    schema: 1,
    graph: {
      name: graph.getAttribute("name") ?? "",
      year: graph.getAttribute("year") ?? null,
      nodes: graph.order,
      edges: graph.size,
    },
    stages: stageResult,
    imports: importResult,
    lookThrough,
  };
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
 * topological order (Kahn); nodes on cycles are iterated to a fixed point.
 */
function lookThroughShares(
  graph: SupplyGraph,
  stage: string,
  kept: (n: string) => boolean,
  keptEdge: (e: string) => boolean,
): Record<string, Record<string, number>> {
  const stages = graph.getAttribute("stages") ?? [];
  const origin = new Map<string, Map<string, number>>();
  const compute = (node: string): Map<string, number> => {
    const a = graph.getNodeAttributes(node);
    const isOrigin =
      a.stage === stage || (stage === stages[0] && graph.inDegree(node) === 0 && !isConsumer(a));
    if (isOrigin) return new Map([[a.country, 1]]);
    const mix = new Map<string, number>();
    let total = 0;
    graph.forEachInEdge(node, (edge, e, s) => {
      const v = origin.get(s);
      if (!keptEdge(edge) || !v || v.size === 0) return;
      const w = e.volume ?? 0;
      total += w;
      for (const [c, f] of v) mix.set(c, (mix.get(c) ?? 0) + w * f);
    });
    if (total > 0) for (const [c, f] of mix) mix.set(c, f / total);
    return total > 0 ? mix : new Map();
  };
  const order = topologicalOrder(graph, kept);
  for (const node of order.acyclic) origin.set(node, compute(node));
  for (let pass = 0; pass < 50 && order.cyclic.length > 0; pass++) {
    for (const node of order.cyclic) origin.set(node, compute(node));
  }
  const byCountry = new Map<string, Map<string, number>>();
  graph.forEachNode((node, a) => {
    if (!kept(node) || !isConsumer(a)) return;
    const v = origin.get(node);
    if (!v || v.size === 0) return;
    const m = byCountry.get(a.country) ?? new Map<string, number>();
    for (const [c, f] of v) m.set(c, (m.get(c) ?? 0) + f * (a.demand ?? 0));
    byCountry.set(a.country, m);
  });
  const result: Record<string, Record<string, number>> = {};
  for (const country of [...byCountry.keys()].sort())
    result[country] = concentrationOf(byCountry.get(country)!).shares;
  return result;
}

/** Kahn's algorithm over kept nodes; nodes left over sit on (or behind) a cycle. Ties broken by id. */
function topologicalOrder(graph: SupplyGraph, kept: (n: string) => boolean) {
  const indegree = new Map<string, number>();
  const nodes = graph.nodes().filter(kept).sort();
  for (const n of nodes) indegree.set(n, graph.inNeighbors(n).filter(kept).length);
  const queue = nodes.filter((n) => indegree.get(n) === 0);
  const acyclic: string[] = [];
  for (let i = 0; i < queue.length; i++) {
    const n = queue[i]!;
    acyclic.push(n);
    for (const m of graph.outNeighbors(n)) {
      if (!indegree.has(m)) continue;
      const d = indegree.get(m)! - 1;
      indegree.set(m, d);
      if (d === 0) queue.push(m);
    }
  }
  const done = new Set(acyclic);
  return { acyclic, cyclic: nodes.filter((n) => !done.has(n)) };
}
