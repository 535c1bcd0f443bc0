/**
 * Parquet graphs on disk: read the tables (`parquet.ts`) and check them, into a graphology graph (`convert`,
 * the flow) or straight into the integer view's columns (`readGraphTableAsync`: no graph object per node or
 * edge, as for a large JSON file). Asynchronous because hyparquet's reader is.
 */
import type { GraphCheckResult } from "../../model/graph-checks.js";
import { statSync } from "node:fs";
import { basename } from "node:path";
import type { Problem } from "../../model/types.js";
import {
  checkParquetColumnsFast,
  checkParquetEdgesAfter,
  checkParquetNodesFirst,
  edgeCoding,
  type ParquetTables,
} from "../_parquet-columns.js";
import type { GraphColumnsCheckResult } from "../_stream-graph.js";
import { DEFAULT_LOAD_GRAPH_OPTIONS, type LoadGraphOptions } from "../load-graph.js";
import { finishImport, finishImportColumns, type ImportedGraph, type SourceLocator } from "./_import.js";
import type { EdgeLists } from "../../model/_edge-lists.js";
import { IdBytes } from "../_id-bytes.js";
import { EDGES_THREAD_BYTES, type EdgesOnThread, readEdgesOnThread } from "./_parquet-edges-thread.js";
import type { TextBytes } from "../_parquet-bytes.js";
import { NODE_ID, squash } from "./csv.js";
import {
  type CodedColumns,
  importParquetTables,
  type ParquetPaths,
  type ParquetTable,
  parquetPathsOf,
  readParquetTable,
} from "./parquet.js";

/**
 * The tables of the Parquet graph at `path`, or the problems reading them. With `coded`, the edge columns the
 * fast path knows are read as codes (`edgeCoding`: the ends as node positions straight from their bytes) when
 * every node id is text; an edges table of `threadFromBytes` or more is then read on a worker thread beside the
 * nodes table (`_parquet-edges-thread.ts`: the same columns).
 */
export async function readParquetTables(
  path: string,
  options: LoadGraphOptions,
  coded = false,
  threadFromBytes = EDGES_THREAD_BYTES,
): Promise<ParquetTables | { problems: Problem[] }> {
  return (await startParquetTables(path, options, coded, threadFromBytes, false)).finish();
}

/** `readParquetTables` in two steps: the nodes and graph tables, then (`finish`) the edges table too. */
interface TablesInProgress {
  /** The nodes table when it was read with no problem, while the edges table is still read on a thread. */
  pending: { nodes: ParquetTable; graph?: ParquetTable; idBytes?: IdBytes } | null;
  finish(): Promise<ParquetTables | { problems: Problem[] }>;
  /**
   * With `view`: the integer view's edge arrays for the ids' sorted order (`IdBytes.sortedOrder`), built on the
   * edges' worker thread from the columns `finish` gives (`EdgesOnThread.edgeLists`); else, or when the edges
   * were not read on a thread or their ids have no such order, null. Call it once, after `finish`.
   */
  edgeLists(): Promise<EdgeLists | null>;
  /** Stop the edges' worker, if any (its view is not wanted). */
  cancel(): void;
}

async function startParquetTables(
  path: string,
  options: LoadGraphOptions,
  coded: boolean,
  threadFromBytes: number,
  view: boolean,
): Promise<TablesInProgress> {
  const paths = parquetPathsOf(path);
  if ("code" in paths)
    return {
      pending: null,
      finish: async () => ({ problems: [paths] }),
      edgeLists: async () => null,
      cancel() {},
    };
  // A large edges table is read on a worker thread beside the nodes table (`_parquet-edges-thread.ts`).
  const onThread =
    coded && sizeOf(paths.edges) >= threadFromBytes
      ? readEdgesOnThread({
          path: paths.edges,
          maxBytes: options.maxBytes ?? DEFAULT_LOAD_GRAPH_OPTIONS.maxBytes,
        })
      : null;
  const tables: Partial<Record<"nodes" | "edges" | "graph", ParquetTable>> = {};
  const problems: Problem[] = [];
  const read = async (file: string, coding: CodedColumns | undefined) => {
    const table = await readParquetTable(file, options, coding);
    if ("code" in table) problems.push(table);
    return "code" in table ? undefined : table;
  };
  // The worker gets the ids' hash table as soon as the id column is read (`CodedColumns.read`: before the other
  // node columns), so that it can match the ends as it decodes them.
  type Sent = { text: TextBytes; ids: IdBytes; answer: ReturnType<EdgesOnThread["resolve"]> };
  let sent: Sent | null = null;
  const send = (ids: IdBytes) => onThread!.resolve(ids, () => (view ? ids.sortedOrder() : null));
  const nodeCoding: CodedColumns = {
    ...NODE_BYTES,
    read(header, text) {
      if (!onThread || sent !== null || !NODE_ID.has(squash(header))) return;
      const ids = idBytesOfText(text);
      if (ids) sent = { text, ids, answer: send(ids) };
    },
  };
  tables.nodes = await read(paths.nodes, coded ? nodeCoding : undefined);
  if (paths.graph !== undefined) tables.graph = await read(paths.graph, undefined);
  const idBytes = coded && tables.nodes ? idBytesOf(tables.nodes, sent) : undefined;
  // The ends are matched to the ids on the thread; ids that are not all text (the ends are read as text, here)
  // or a table sent too early (its first id column is not the one sent): the edges are read here.
  const early = sent as Sent | null;
  if (onThread && (!idBytes || (early !== null && early.ids !== idBytes))) onThread.cancel();
  const onThreadEdges =
    onThread && idBytes ? (early?.ids === idBytes ? early.answer : early ? null : send(idBytes)) : null;
  const finish = async (): Promise<ParquetTables | { problems: Problem[] }> => {
    const threaded = onThreadEdges ? await onThreadEdges : null;
    if (threaded) {
      const { rows, header, ...columns } = threaded;
      tables.edges = { name: basename(paths.edges), rows, header, ...columns };
    } else tables.edges = await read(paths.edges, idBytes ? edgeCoding(idBytes) : undefined);
    if (problems.length > 0) return { problems };
    return {
      nodes: tables.nodes!,
      edges: tables.edges!,
      ...(tables.graph ? { graph: tables.graph } : {}),
      ...(idBytes ? { idBytes } : {}),
    };
  };
  const pending =
    onThreadEdges && tables.nodes && problems.length === 0
      ? {
          nodes: tables.nodes,
          ...(tables.graph ? { graph: tables.graph } : {}),
          ...(idBytes ? { idBytes } : {}),
        }
      : null;
  const edgeLists = async () => (onThreadEdges ? onThread!.edgeLists() : null);
  return { pending, finish, edgeLists, cancel: () => onThread?.cancel() };
}

/** A file's size in bytes, 0 when it cannot be read (the read itself then reports why). */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * The nodes table for the fast path: ids and labels as their bytes (`ParquetTable.texts`). The ids' hash table is
 * built from them, and labels become strings only when a node's attributes are asked for (`_parquet-nodes.ts`).
 */
const NODE_BYTES: CodedColumns = {
  codeOf: () => undefined,
  asBytes: (header) => NODE_ID.has(squash(header)) || header === "label",
};

/**
 * The node ids' bytes (`_id-bytes.ts`), when every id is text: those made already from the id column as it was
 * read (`sent`), when that is this table's id column.
 */
function idBytesOf(nodes: ParquetTable, sent: { text: TextBytes; ids: IdBytes } | null): IdBytes | undefined {
  const idCol = nodes.header.findIndex((h) => NODE_ID.has(squash(h)));
  const text = nodes.texts?.get(idCol);
  if (text && sent?.text === text) return sent.ids;
  const fromBytes = text ? idBytesOfText(text) : undefined;
  if (fromBytes || text?.nulls) return fromBytes;
  const column = text ? text.allStrings() : idCol >= 0 ? nodes.columns[idCol]! : [];
  const ids: string[] = new Array(nodes.rows);
  for (let r = 0; r < nodes.rows; r++) {
    const id = column[r];
    if (typeof id !== "string") return undefined;
    ids[r] = id;
  }
  return new IdBytes(ids);
}

/**
 * The ids' table straight from their bytes when every id is ASCII text (as a rule); undefined otherwise (a null
 * id; other ids go through their strings, so that two byte sequences decoding to one string, a BOM or invalid
 * UTF-8, are one id, as for the row path).
 */
function idBytesOfText(text: TextBytes): IdBytes | undefined {
  if (text.nulls !== null) return undefined;
  const { bytes } = text;
  for (let k = 0; k < bytes.length; k++) if (bytes[k]! >= 0x80) return undefined;
  return new IdBytes(text);
}

async function importParquetFile(
  path: string,
  options: LoadGraphOptions,
): Promise<{ imported: ImportedGraph; locate: SourceLocator } | { problems: Problem[] }> {
  const tables = await readParquetTables(path, options);
  return "problems" in tables ? tables : importParquetTables(tables);
}

/** Read and check a Parquet graph into a graphology graph; never throws on bad data. */
export async function checkParquetFile(
  path: string,
  options: LoadGraphOptions = {},
): Promise<GraphCheckResult> {
  const read = await importParquetFile(path, options);
  if ("problems" in read) return { graph: null, problems: read.problems };
  return finishImport(read.imported, read.locate, options);
}

/**
 * What `checkParquetColumns` gives: the checked columns, and when the edges were read on a worker thread, the
 * view's edge arrays it is building for `columns.order` (`csrFromColumnsAsync` takes them; null if it made none).
 */
export interface ParquetColumnsCheckResult extends GraphColumnsCheckResult {
  edgeLists?: Promise<EdgeLists | null>;
}

/**
 * Read and check a Parquet graph into the columns of its integer view; never throws on bad data. An edges table
 * of `threadFromBytes` or more is read on a worker thread (see `readParquetTables`), which then builds the
 * view's edge arrays (`edgeLists`).
 */
export async function checkParquetColumns(
  path: string,
  options: LoadGraphOptions = {},
  threadFromBytes = EDGES_THREAD_BYTES,
): Promise<ParquetColumnsCheckResult> {
  // The edges' worker gets the ids' sorted order too: it builds the view's edge arrays in that order
  // (`_edge-lists.ts`) while this thread checks the nodes, then the edges.
  const progress = await startParquetTables(path, options, true, threadFromBytes, true);
  // While the edges table is read on a thread, the nodes are checked here (`checkParquetNodesFirst`).
  const nodesFirst = progress.pending ? checkParquetNodesFirst(progress.pending, options) : undefined;
  const tables = await progress.finish();
  if ("problems" in tables) {
    progress.cancel();
    return { columns: null, problems: tables.problems };
  }
  // The edges column-wise when they are plain and raise no problem; else the row path, which reports them.
  const fast =
    nodesFirst === undefined
      ? checkParquetColumnsFast(tables, options)
      : nodesFirst && checkParquetEdgesAfter(nodesFirst, tables, options);
  if (fast?.columns) {
    // the worker's edge arrays serve only the order they were built for: the checks' own (the same array)
    const order = tables.idBytes?.sortedOrder();
    if (!progress.pending || !order || fast.columns.order !== order) {
      progress.cancel();
      return fast;
    }
    return { ...fast, edgeLists: progress.edgeLists() };
  }
  progress.cancel(); // the row path answers: the worker's edge arrays are not wanted
  if (fast) return fast;
  if (tables.edges.coded) {
    // the row path reports ends by their text: read the edges again as text (a file with problems only)
    const paths = parquetPathsOf(path) as ParquetPaths; // read once already: not a problem
    const edges = await readParquetTable(paths.edges, options);
    if ("code" in edges) return { columns: null, problems: [edges] };
    tables.edges = edges;
  }
  const read = importParquetTables(tables);
  if ("problems" in read) return { columns: null, problems: read.problems };
  return finishImportColumns(read.imported, read.locate, options);
}
