/**
 * Data → visual channels: which colour a country or stage gets, how big a node is, how wide an edge. Computed once
 * per graph (never per scenario: a disruption must not recolour or resize the untouched part of the network).
 */
import type { SupplyGraph } from "../../src/model/types.js";
import type { SizeBy } from "./state.js";
import {
  COUNTRY_PALETTE,
  EDGE_SIZE,
  FIXED_COUNTRY_COLORS,
  MATERIAL_COLORS,
  materialClass,
  NODE_SIZE,
  OTHER_COUNTRY_COLOR,
  STAGE_PALETTE,
} from "./settings.js";

export interface Encodings {
  /** Country → colour; countries not listed are drawn in OTHER_COUNTRY_COLOR. */
  countryColors: Map<string, string>;
  /** Countries in legend order (most nodes first, ties by code) with their node counts. */
  countries: Array<{ country: string; nodes: number }>;
  stageColors: Map<string, string>;
  /** Node → size for each size channel. */
  sizes: Record<SizeBy, Map<string, number>>;
  /** Edge → width. */
  edgeSizes: Map<string, number>;
  /** Edge → colour of the material its source ships (computed once: the reducers run per edge per refresh). */
  edgeColors: Map<string, string>;
  /** Largest values, for the legend. */
  maxima: { capacity: number; throughput: number; volume: number };
}

/** Baseline volume each node ships out and receives, and the largest edge volume (one pass over the edges). */
interface Volumes {
  out: Map<string, number>;
  in: Map<string, number>;
  largest: number;
}

function volumesOf(graph: SupplyGraph): Volumes {
  const out = new Map<string, number>();
  const inflow = new Map<string, number>();
  let largest = 0;
  graph.forEachEdge((_e, a, s, t) => {
    const v = a.volume ?? 0;
    if (v > largest) largest = v;
    out.set(s, (out.get(s) ?? 0) + v);
    inflow.set(t, (inflow.get(t) ?? 0) + v);
  });
  return { out, in: inflow, largest };
}

/**
 * What a node is measured by: consumers by demand, others by capacity (or what they ship when unlimited).
 * `volumes` (the edges' sums per node) saves a pass over each node's edges when measuring every node.
 */
export function nodeMeasure(
  graph: SupplyGraph,
  node: string,
  by: SizeBy,
  volumes: Volumes = volumesOf(graph),
): number {
  const a = graph.getNodeAttributes(node);
  if (by === "capacity") {
    if ((a.demand ?? 0) > 0) return a.demand ?? 0;
    if (a.stock !== undefined) return a.stock;
    if (a.capacity !== undefined) return a.capacity;
  }
  // throughput (and the fallback for nodes without capacity): baseline volume out, or in for consumers
  const out = volumes.out.get(node) ?? 0;
  if (out > 0) return out;
  return volumes.in.get(node) ?? 0;
}

/** Square-root scale (area ∝ value) from [0, max] to [min, max] pixels. */
export function sqrtScale(value: number, max: number, range: { min: number; max: number }): number {
  if (!(max > 0) || !(value > 0)) return range.min;
  return range.min + (range.max - range.min) * Math.sqrt(Math.min(value, max) / max);
}

export function buildEncodings(graph: SupplyGraph): Encodings {
  const counts = new Map<string, number>();
  graph.forEachNode((_n, a) => counts.set(a.country, (counts.get(a.country) ?? 0) + 1));
  const countries = [...counts]
    .map(([country, nodes]) => ({ country, nodes }))
    .sort((a, b) => b.nodes - a.nodes || (a.country < b.country ? -1 : 1));
  const countryColors = new Map<string, string>();
  for (const { country } of countries) {
    const fixed = FIXED_COUNTRY_COLORS[country];
    if (fixed) countryColors.set(country, fixed);
  }
  let next = 0;
  for (const { country } of countries) {
    if (countryColors.has(country)) continue;
    const color = COUNTRY_PALETTE[next++];
    if (!color) break;
    countryColors.set(country, color);
  }

  const stageColors = new Map<string, string>();
  const stages = graph.getAttribute("stages") ?? [];
  stages.forEach((s, i) => stageColors.set(s, STAGE_PALETTE[i % STAGE_PALETTE.length]!));

  const sizes: Encodings["sizes"] = { capacity: new Map(), throughput: new Map() };
  const maxima = { capacity: 0, throughput: 0, volume: 0 };
  const volumes = volumesOf(graph);
  for (const by of ["capacity", "throughput"] as const) {
    const values = new Map<string, number>();
    graph.forEachNode((n) => {
      const v = nodeMeasure(graph, n, by, volumes);
      values.set(n, v);
      if (v > maxima[by]) maxima[by] = v;
    });
    for (const [n, v] of values)
      sizes[by].set(n, v > 0 ? sqrtScale(v, maxima[by], NODE_SIZE) : NODE_SIZE.missing);
  }
  // the colours and the widths in one pass (the largest volume came with the volumes): a new graph waits for
  // this before its first drawing
  maxima.volume = volumes.largest;
  const byMaterial = new Map<string | undefined, string>();
  const edgeColors = new Map<string, string>();
  const edgeSizes = new Map<string, number>();
  graph.forEachEdge((e, a, _s, _t, source) => {
    let color = byMaterial.get(source.output);
    if (color === undefined) {
      color = materialColor(source.output);
      byMaterial.set(source.output, color);
    }
    edgeColors.set(e, color);
    edgeSizes.set(e, sqrtScale(a.volume ?? 0, maxima.volume, EDGE_SIZE));
  });
  return { countryColors, countries, stageColors, sizes, edgeSizes, edgeColors, maxima };
}

/** Colour of a country (grey when beyond the palette). */
export function countryColor(enc: Encodings, country: string): string {
  return enc.countryColors.get(country) ?? OTHER_COUNTRY_COLOR;
}

/** Colour of an edge: by the material its source ships. */
export function materialColor(material: string | undefined): string {
  return MATERIAL_COLORS[materialClass(material)];
}
