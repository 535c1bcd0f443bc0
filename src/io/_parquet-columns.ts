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
import { checkParquetNodes, type ParquetNodes } from "./_parquet-nodes.js";
import type { GraphColumnsCheckResult } from "./_stream-graph.js";
import {
  finishImportColumns,
  type ImportedGraph,
  type ImportOptions,
  relocate,
  type SourceLocator,
} from "./formats/_import.js";
import { EDGE_KEY, EDGE_SOURCE, EDGE_TARGET, squash } from "./formats/csv.js";
import { type CodedColumns, importParquetTables, type ParquetTable } from "./formats/parquet.js";
import type { IdBytes } from "./_id-bytes.js";
import { edgeCodingWith, REFUSED } from "./_parquet-edge-coding.js";

/** The edge columns the fast path reads, each by its exact (canonical, unsuffixed) name. */
const NUMERIC = new Set(["volume", "capacity", "leadTimeDays"]);
const TEXT = new Set(["sources", "notes"]);

/** The tables of a Parquet graph, as `readParquetTable` gives them. */
export interface ParquetTables {
  nodes: ParquetTable;
  edges: ParquetTable;
  graph?: ParquetTable;
  /** The node ids' bytes, when the edges were read with `edgeCoding` over them. */
  idBytes?: IdBytes;
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
  if (edgeLayout(tables.edges) === null) return null;
  const nodes = checkNodes(tables, tables.edges, options);
  return nodes && checkEdges(nodes, tables);
}

/** The tables without the edges table (read on a worker thread meanwhile). */
type TablesButEdges = Omit<ParquetTables, "edges">;

/** The nodes' part of the fast path: the graph attributes' import and the checked node columns. */
interface NodesChecked {
  read: { imported: ImportedGraph; locate: SourceLocator };
  done: GraphColumnsCheckResult & { columns: CheckedColumns };
  columns: CheckedColumns;
  checkedNodes: ParquetNodes;
}

/**
 * An edges table that stands in for the one being read (its header is all the nodes' part looks at: the graph
 * attributes are imported with no edge row), so that the nodes are checked before it is read.
 */
const STAND_IN_EDGES: ParquetTable = {
  name: "edges.parquet",
  rows: 0,
  header: ["source", "target"],
  columns: [],
};

/**
 * The nodes' part of `checkParquetColumnsFast`, while the edges table is still being read (on a worker thread):
 * null when it already says the row path must answer. `checkParquetEdgesAfter` finishes it.
 */
export function checkParquetNodesFirst(tables: TablesButEdges, options: ImportOptions): NodesChecked | null {
  return checkNodes(tables, STAND_IN_EDGES, options);
}

/**
 * `checkParquetColumnsFast` from the nodes' part done first (`checkParquetNodesFirst`): the same result. The
 * graph attributes are imported again with the edges table's own header (no row: cheap), and used for the rest;
 * should their stages differ from those the nodes were checked with, the nodes are checked again.
 */
export function checkParquetEdgesAfter(
  nodesFirst: NodesChecked,
  tables: ParquetTables,
  options: ImportOptions,
): GraphColumnsCheckResult | null {
  if (edgeLayout(tables.edges) === null) return null;
  const graph = graphAttributes(tables, tables.edges, options);
  if (graph === null) return null;
  const sameStages = (a: GraphColumnsCheckResult & { columns: CheckedColumns }) =>
    JSON.stringify(a.columns.attributes.stages ?? []);
  if (sameStages(graph.done) !== sameStages(nodesFirst.done)) return checkParquetColumnsFast(tables, options);
  const { positions: _none, ...rest } = graph.done.columns;
  const columns: CheckedColumns = { ...rest, ...nodesFirst.checkedNodes };
  return checkEdges({ ...graph, columns, checkedNodes: nodesFirst.checkedNodes }, tables);
}

/** The graph attributes by the row path, with no node or edge rows (see `checkNodes`); null: row path. */
function graphAttributes(
  tables: TablesButEdges,
  edges: ParquetTable,
  options: ImportOptions,
): Pick<NodesChecked, "read" | "done"> | null {
  const { nodes, graph } = tables;
  // copies of the tables: the row path lets its columns go, and the caller may still need them for the full
  // row path
  const empty = (t: ParquetTable): ParquetTable => ({ name: t.name, rows: 0, header: t.header, columns: [] });
  const read = importParquetTables({
    nodes: empty(nodes),
    edges: empty(edges),
    ...(graph ? { graph: { ...graph } } : {}),
  });
  if ("problems" in read) return null;
  const done = finishImportColumns(read.imported, read.locate, options);
  if (!done.columns) return null;
  return { read, done: done as NodesChecked["done"] };
}

/** The nodes' part (graph attributes, then the node columns), with `edges` giving the edges' header. */
function checkNodes(
  tables: TablesButEdges,
  edges: ParquetTable,
  options: ImportOptions,
): NodesChecked | null {
  const graph = graphAttributes(tables, edges, options);
  if (graph === null) return null;
  // Undeclared stages are inferred from the nodes with a warning: the row path's job.
  const stages = new Set(graph.done.columns.attributes.stages ?? []);
  const limits = {
    maxIdLength: options.maxIdLength ?? DEFAULT_GRAPH_CHECK_OPTIONS.maxIdLength,
    maxLabelLength: options.maxLabelLength ?? DEFAULT_GRAPH_CHECK_OPTIONS.maxLabelLength,
  };
  const checkedNodes = checkParquetNodes(tables.nodes, stages, limits, tables.idBytes);
  if (checkedNodes === null) return null;
  // the nodes' own order or Map, never the one of the empty node list checked above
  const { positions: _none, ...rest } = graph.done.columns;
  return { ...graph, columns: { ...rest, ...checkedNodes }, checkedNodes };
}

/** The edges' part, once the nodes' is done. */
function checkEdges(nodes: NodesChecked, tables: ParquetTables): GraphColumnsCheckResult | null {
  const layout = edgeLayout(tables.edges);
  if (layout === null) return null;
  const edgeColumns = checkEdgeColumns(tables.edges, layout, nodes.columns);
  if (edgeColumns === null) return null;
  // The rules across nodes and edges come last, as in the row path (`finishRun`); only warnings reach here.
  const problems = [...nodes.done.problems];
  for (const p of edgeColumns.problems) problems.push({ ...p, path: relocate(p.path, nodes.read.locate) });
  return { columns: { ...nodes.columns, ...edgeColumns.columns }, problems };
}

type EdgeColumns = Pick<CheckedColumns, "edgeSource" | "edgeTarget" | "volume" | "leadTime" | "edgeKeys">;

/**
 * How the edges table's columns are read for the fast path: `edgeCodingWith` (`_parquet-edge-coding.ts`), each
 * end as the position of its node (-1 for an unknown id) matched by its bytes.
 */
export function edgeCoding(ids: IdBytes): CodedColumns {
  return edgeCodingWith((bytes, from, to) => ids.positionOf(bytes, from, to));
}

/**
 * The edges as typed columns, with the warnings of the recipe and outflow cross-check (`FlowRules.finish`),
 * when no edge raises a problem and the cross-check no error; else null (see the module comment). The ends
 * and text columns must have been read as codes (`edgeCoding`); text ends take the row path.
 */
function checkEdgeColumns(
  edges: ParquetTable,
  layout: Record<string, number>,
  checked: CheckedColumns,
): { columns: EdgeColumns; problems: Problem[] } | null {
  const ids = checked.ids;
  const n = ids.length;
  const m = edges.rows;
  const col = (name: string) => (layout[name] === undefined ? undefined : edges.columns[layout[name]!]);
  const isCoded = (name: string) => edges.coded?.has(edges.header[layout[name]!]!) === true;
  if (!isCoded("source") || !isCoded("target")) return null;
  const edgeSource = col("source") as Int32Array;
  const edgeTarget = col("target") as Int32Array;
  const numeric = [...NUMERIC].map((name) => [name, col(name)] as const).filter(([, c]) => c !== undefined);
  const text = [...TEXT].filter((name) => col(name) !== undefined);
  // Types and ranges, one column at a time (an empty or null cell is no value, as in the row path): NaN in a
  // column of ours. A REQUIRED DOUBLE column (a Float64Array) is used as it is once every value passes.
  const into: Record<string, Float64Array> = {};
  for (const [name, values] of numeric) {
    if (values instanceof Float64Array && values.length === m) {
      for (let e = 0; e < m; e++) {
        const v = values[e]!;
        if (!(Number.isFinite(v) && v >= 0)) return null;
      }
      into[name] = values;
      continue;
    }
    const out = new Float64Array(m).fill(Number.NaN);
    for (let e = 0; e < m; e++) {
      const v = values![e];
      if (v === null || v === undefined || v === "") continue;
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0) return null;
      out[e] = v;
    }
    into[name] = out;
  }
  const none = () => new Float64Array(m).fill(Number.NaN);
  const volume = into.volume ?? none();
  const leadTime = into.leadTimeDays ?? none();
  // no column of NaNs for a missing edge capacity: the view does not hold it, only the flow rules read it
  const capacity = into.capacity;
  for (const name of text) {
    if (!isCoded(name)) return null;
    const codes = col(name) as Int32Array;
    for (let e = 0; e < m; e++) if (codes[e] === REFUSED) return null;
  }
  // Ends: known nodes (an unknown id or a null end is negative), no self-loop.
  for (let e = 0; e < m; e++) {
    const si = edgeSource[e]!;
    const ti = edgeTarget[e]!;
    if (si < 0 || ti < 0 || si === ti) return null;
  }
  if (hasRepeatedPair(edgeSource, edgeTarget, n)) return null;
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
    const cap = capacity === undefined ? Number.NaN : capacity[e]!;
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

/**
 * True when two edges join the same (source, target): the edges grouped by source (a counting sort), then
 * each group's targets marked with the group's source. Linear, where a sort of the pair codes took most of a
 * second at 3.66 million edges.
 */
export function hasRepeatedPair(source: Int32Array, target: Int32Array, n: number): boolean {
  const m = source.length;
  const start = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) start[source[e]! + 1]!++;
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const bySource = new Int32Array(m);
  for (let e = 0; e < m; e++) bySource[start[source[e]!]!++] = target[e]!;
  // start[v] is now the end of v's group, start[v - 1] its start
  const mark = new Int32Array(n).fill(-1);
  let from = 0;
  for (let v = 0; v < n; v++) {
    const to = start[v]!;
    for (let k = from; k < to; k++) {
      const t = bySource[k]!;
      if (mark[t] === v) return true;
      mark[t] = v;
    }
    from = to;
  }
  return false;
}
