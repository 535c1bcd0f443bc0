/**
 * The column-wise fast path of a Parquet load: the nodes (`_parquet-nodes.ts`) and the edges (three to four
 * times the nodes at 10^6 nodes) are checked column by column straight into the integer view's columns, with no
 * row object, attribute object or key string per edge. It answers for the common, valid case only, like
 * `model/_fast-schema.ts`: every column is one it knows with plain values, the graph declares its stages, and
 * neither nodes nor edges raise a problem (no dangling end, self-loop, duplicate or flow-rule error); then the
 * result is the one the row path gives. Otherwise it returns null and the caller takes the row path, which
 * reports the problems exactly as for JSON and CSV. Graph attributes (a handful of rows) always take the row
 * path's checks.
 */
import type { CheckedColumns } from "../model/_checked.js";
import { FlowRules } from "../model/_flow-rules.js";
import { DEFAULT_GRAPH_CHECK_OPTIONS } from "../model/graph-checks.js";
import type { EdgeAttributes, Problem } from "../model/types.js";
import { checkParquetNodes } from "./_parquet-nodes.js";
import type { GraphColumnsCheckResult } from "./_stream-graph.js";
import { decodeList } from "./formats/_attributes.js";
import { finishImportColumns, type ImportOptions, relocate } from "./formats/_import.js";
import { EDGE_KEY, EDGE_SOURCE, EDGE_TARGET, squash } from "./formats/csv.js";
import { importParquetTables, type ParquetTable } from "./formats/parquet.js";

/** The edge columns the fast path reads, each by its exact (canonical, unsuffixed) name. */
const NUMERIC = new Set(["volume", "capacity", "leadTimeDays"]);
const TEXT = new Set(["sources", "notes"]);

/** The tables of a Parquet graph, as `readParquetTable` gives them. */
export interface ParquetTables {
  nodes: ParquetTable;
  edges: ParquetTable;
  graph?: ParquetTable;
}

/** Column index by name in the edges table, -1 when absent; null when some column is not one we know. */
function edgeLayout(edges: ParquetTable): Record<string, number> | null {
  const find = (names: ReadonlySet<string>) => edges.header.findIndex((h) => names.has(squash(h)));
  const layout: Record<string, number> = { source: find(EDGE_SOURCE), target: find(EDGE_TARGET) };
  if (layout.source! < 0 || layout.target! < 0 || find(EDGE_KEY) >= 0) return null;
  for (let c = 0; c < edges.header.length; c++) {
    if (c === layout.source || c === layout.target) continue;
    const h = edges.header[c]!;
    if (!(NUMERIC.has(h) || TEXT.has(h)) || h in layout) return null;
    layout[h] = c;
  }
  return layout;
}

/**
 * Check a Parquet graph column-wise (see the module comment): the checked columns and the problems (warnings
 * only), or null when the row path must answer. Never throws on bad data.
 */
export function checkParquetColumnsFast(
  tables: ParquetTables,
  options: ImportOptions,
): GraphColumnsCheckResult | null {
  const { nodes, edges, graph } = tables;
  const layout = edgeLayout(edges);
  if (layout === null) return null;
  // Graph attributes by the row path, with no node or edge rows (copies of the tables: the row path lets its
  // columns go, and the caller may still need them for the full row path).
  const empty = (t: ParquetTable): ParquetTable => ({ name: t.name, rows: 0, header: t.header, columns: [] });
  const read = importParquetTables({
    nodes: empty(nodes),
    edges: empty(edges),
    ...(graph ? { graph: { ...graph } } : {}),
  });
  if ("problems" in read) return null;
  const done = finishImportColumns(read.imported, read.locate, options);
  if (!done.columns) return null;
  // Undeclared stages are inferred from the nodes with a warning: the row path's job.
  const stages = new Set(done.columns.attributes.stages ?? []);
  const limits = {
    maxIdLength: options.maxIdLength ?? DEFAULT_GRAPH_CHECK_OPTIONS.maxIdLength,
    maxLabelLength: options.maxLabelLength ?? DEFAULT_GRAPH_CHECK_OPTIONS.maxLabelLength,
  };
  const checkedNodes = checkParquetNodes(nodes, stages, limits);
  if (checkedNodes === null) return null;
  const columns: CheckedColumns = { ...done.columns, ...checkedNodes };
  const edgeColumns = checkEdgeColumns(edges, layout, columns);
  if (edgeColumns === null) return null;
  // The rules across nodes and edges come last, as in the row path (`finishRun`); only warnings reach here.
  for (const p of edgeColumns.problems) done.problems.push({ ...p, path: relocate(p.path, read.locate) });
  return { columns: { ...columns, ...edgeColumns.columns }, problems: done.problems };
}

type EdgeColumns = Pick<CheckedColumns, "edgeSource" | "edgeTarget" | "volume" | "leadTime" | "edgeKeys">;

/**
 * The edges as typed columns, with the warnings of the recipe and outflow cross-check (`FlowRules.finish`),
 * when no edge raises a problem and the cross-check no error; else null (see the module comment).
 */
function checkEdgeColumns(
  edges: ParquetTable,
  layout: Record<string, number>,
  checked: CheckedColumns,
): { columns: EdgeColumns; problems: Problem[] } | null {
  const index = checked.positions;
  const ids = checked.ids;
  // Ids with "->" make `source->target` keys ambiguous: only the row path's exact key search is right then.
  if (!index || ids.some((id) => id.includes("->"))) return null;
  const n = ids.length;
  const m = edges.rows;
  const col = (name: string) => (layout[name] === undefined ? undefined : edges.columns[layout[name]!]);
  const sourceCol = col("source")!;
  const targetCol = col("target")!;
  // Ends read as node positions by the reader (`EndColumns`: -1 for an unknown id), or as text to look up.
  const positions = edges.positions;
  const typeOf = {
    source: positions?.has(edges.header[layout.source!]!) ? "number" : "string",
    target: positions?.has(edges.header[layout.target!]!) ? "number" : "string",
  };
  const numeric = [...NUMERIC].map((name) => [name, col(name)] as const).filter(([, c]) => c !== undefined);
  const text = [...TEXT].map((name) => [name, col(name)] as const).filter(([, c]) => c !== undefined);
  const edgeSource = new Int32Array(m);
  const edgeTarget = new Int32Array(m);
  const volume = new Float64Array(m).fill(Number.NaN);
  const leadTime = new Float64Array(m).fill(Number.NaN);
  const capacity = new Float64Array(m).fill(Number.NaN);
  const into: Record<string, Float64Array> = { volume, leadTimeDays: leadTime, capacity };
  // Types and ranges, one column at a time (an empty or null cell is no value, as in the row path).
  for (const [name, values] of numeric) {
    const out = into[name]!;
    for (let e = 0; e < m; e++) {
      const v = values![e];
      if (v === null || v === undefined || v === "") continue;
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0) return null;
      out[e] = v;
    }
  }
  for (const [name, values] of text) {
    // A column repeats a handful of texts (one source for a whole file): decode each distinct text once.
    let last: unknown;
    for (let e = 0; e < m; e++) {
      const v = values![e];
      if (v === null || v === undefined || v === "" || v === last) continue;
      if (typeof v !== "string") return null;
      if (name === "sources" && decodeList(v).length === 0) return null;
      last = v;
    }
  }
  // Ends: known nodes, no self-loop; pair codes for the duplicate search.
  const codes = new Float64Array(m);
  // Files often list a node's edges together: an equal string (the same one, from a dictionary-encoded column)
  // compares faster than a Map lookup hashes.
  let lastSource: unknown;
  let lastTarget: unknown;
  let si = -1;
  let ti = -1;
  for (let e = 0; e < m; e++) {
    const s = sourceCol[e];
    const t = targetCol[e];
    if (t !== lastTarget) {
      lastTarget = t;
      ti = typeOf.target === "number" ? (t as number) : typeof t === "string" ? (index.get(t) ?? -1) : -1;
    }
    if (s !== lastSource) {
      lastSource = s;
      si = typeOf.source === "number" ? (s as number) : typeof s === "string" ? (index.get(s) ?? -1) : -1;
    }
    if (si < 0 || ti < 0 || si === ti) return null;
    edgeSource[e] = si;
    edgeTarget[e] = ti;
    codes[e] = si * n + ti;
  }
  codes.sort();
  for (let k = 1; k < m; k++) if (codes[k] === codes[k - 1]) return null;
  // The flow rules on one scratch attribute object (they read volume and capacity only).
  const flow = new FlowRules(checked.nodeAttributes);
  // Always both keys, undefined when missing: a `delete` would turn the object into a slow dictionary.
  const scratch: { volume: number | undefined; capacity: number | undefined } = {
    volume: undefined,
    capacity: undefined,
  };
  let e = 0;
  const keyOf = () => `${ids[edgeSource[e]!]}->${ids[edgeTarget[e]!]}`;
  for (; e < m; e++) {
    const vol = volume[e]!;
    const cap = capacity[e]!;
    scratch.volume = Number.isNaN(vol) ? undefined : vol;
    scratch.capacity = Number.isNaN(cap) ? undefined : cap;
    const si = edgeSource[e]!;
    const ti = edgeTarget[e]!;
    flow.edge(ids[si]!, ids[ti]!, si, ti, e, keyOf, scratch as unknown as EdgeAttributes);
    if (flow.problems.length > 0) return null;
  }
  const problems: Problem[] = [];
  flow.finish(ids, problems);
  if (problems.some((p) => p.severity === "error")) return null;
  return { columns: { edgeSource, edgeTarget, volume, leadTime, edgeKeys: null }, problems };
}
