/**
 * Tiers layout: one column per stage (upstream on the left, in the graph's `stages` order), nodes grouped by
 * country within a column (countries in one global order, so each country sits at the same height everywhere),
 * then by label and id. Deterministic and independent of any scenario.
 */
import type { SupplyGraph } from "../../../src/model/types.js";
import type { Positions } from "./types.js";

export const COLUMN_GAP = 220;
export const ROW_GAP = 11;
/** Extra space between two countries in a column. */
export const GROUP_GAP = 8;

/** Column headers: each stage's name above its column, in graph coordinates. */
export function tierCaptions(
  graph: SupplyGraph,
  positions: Positions,
): Array<{ text: string; x: number; y: number }> {
  const top = new Map<string, { x: number; y: number }>();
  graph.forEachNode((id, a) => {
    const p = positions.get(id);
    if (!p) return;
    const t = top.get(a.stage);
    if (!t || p.y > t.y) top.set(a.stage, { x: p.x, y: p.y });
  });
  let highest = Number.NEGATIVE_INFINITY;
  for (const t of top.values()) highest = Math.max(highest, t.y);
  return [...top].map(([stage, t]) => ({ text: stage, x: t.x, y: highest + 3 * ROW_GAP }));
}

export function tiersLayout(graph: SupplyGraph, countryOrder: readonly string[]): Positions {
  const stages = [...(graph.getAttribute("stages") ?? [])];
  const rank = new Map(countryOrder.map((c, i) => [c, i]));
  const columns = new Map<string, string[]>();
  graph.forEachNode((id, a) => {
    if (!stages.includes(a.stage)) stages.push(a.stage);
    const col = columns.get(a.stage) ?? [];
    col.push(id);
    columns.set(a.stage, col);
  });
  const positions: Positions = new Map();
  const heights: number[] = [];
  const placed: Array<Array<{ id: string; y: number }>> = [];
  for (const stage of stages) {
    const ids = columns.get(stage) ?? [];
    ids.sort((p, q) => {
      const a = graph.getNodeAttributes(p);
      const b = graph.getNodeAttributes(q);
      const r = (rank.get(a.country) ?? 1e9) - (rank.get(b.country) ?? 1e9);
      if (r !== 0) return r;
      if (a.country !== b.country) return a.country < b.country ? -1 : 1;
      if (a.label !== b.label) return a.label < b.label ? -1 : 1;
      return p < q ? -1 : p > q ? 1 : 0;
    });
    let y = 0;
    let prev: string | undefined;
    const column: Array<{ id: string; y: number }> = [];
    for (const id of ids) {
      const country = graph.getNodeAttribute(id, "country");
      if (prev !== undefined && country !== prev) y += GROUP_GAP;
      column.push({ id, y });
      y += ROW_GAP;
      prev = country;
    }
    placed.push(column);
    heights.push(y);
  }
  // A column of thousands of nodes is a vertical line at any zoom (sigma keeps the aspect ratio): wrap every
  // column into `wrap` sub-columns, filled top to bottom then left to right (country groups stay together),
  // with the fewest sub-columns that bring the picture to about the target aspect (height ≈ 0.6 × width).
  const tallest = Math.max(0, ...heights);
  const wrap = wrapFor(tallest, stages.length);
  const band = (wrap - 1) * SUB_COLUMN_GAP + COLUMN_GAP;
  const wrapped = placed.map((column, i) => {
    const rows = Math.ceil((heights[i] ?? 0) / wrap);
    return column.map(({ id, y }) => {
      const j = rows > 0 ? Math.min(wrap - 1, Math.floor(y / rows)) : 0;
      return { id, x: i * band + j * SUB_COLUMN_GAP, y: y - j * rows };
    });
  });
  const tall = wrapped.map((column) => Math.max(0, ...column.map((n) => n.y + ROW_GAP)));
  const top = Math.max(0, ...tall);
  // Stretch short columns so the picture is about as tall as a side panel-framed screen is (height ≈ 0.6 × width):
  // sigma keeps the aspect ratio, so a flat band of seven columns would leave most of the canvas empty.
  const width = Math.max(1, stages.length - 1) * band;
  const stretch = top > 0 ? Math.max(1, (ASPECT * width) / top) : 1;
  // centre every column vertically on the tallest
  wrapped.forEach((column, i) => {
    const offset = (top - (tall[i] ?? 0)) / 2;
    for (const { id, x, y } of column) positions.set(id, { x, y: -(y + offset) * stretch });
  });
  return positions;
}

/** Height ÷ width the layout aims at (a screen beside the side panel). */
export const ASPECT = 0.6;
/** Horizontal gap between the sub-columns of one wrapped stage column. */
export const SUB_COLUMN_GAP = 40;

/** The fewest sub-columns per stage that bring a column `height` tall to about `ASPECT` over `stages` columns. */
export function wrapFor(height: number, stages: number): number {
  let wrap = 1;
  const widthOf = (k: number) => Math.max(1, stages - 1) * ((k - 1) * SUB_COLUMN_GAP + COLUMN_GAP);
  while (height / wrap > ASPECT * widthOf(wrap) && wrap < 1000) wrap++;
  return wrap;
}
