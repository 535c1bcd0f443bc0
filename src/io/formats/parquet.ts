/**
 * Parquet: the CSV layout (`csv.ts`: a nodes table, an edges table, optionally a graph table of attribute/value
 * rows; the same column names and cell encodings) in Apache Parquet files, as Spark, DuckDB, pandas and
 * Databricks write them. Read with hyparquet (pure JavaScript, no native code, no dependencies; chosen over
 * DuckDB's Node API and parquet-wasm after measuring all three: docs/performance.md and
 * tests/bench/results/parquet-readers.md).
 *
 * Columns keep their Parquet types: a DOUBLE is a number, a BOOLEAN a boolean, INT64 a number (an error beyond
 * 2^53); text columns are read like CSV cells (so a table exported from a spreadsheet with every column as text
 * still types `capacity` as a number), and a header's `:number`/`:list`/`:json` suffix applies as in CSV. Only
 * flat columns are read; a nested (struct, list, map) column is an error naming the file and the column.
 *
 * Layout (as CSV): a folder holding `nodes.parquet` and `edges.parquet` (and maybe `graph.parquet`), or one of
 * those files with its siblings (`my-nodes.parquet` pairs with `my-edges.parquet`).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { parquetMetadata, parquetSchema } from "hyparquet";
import type { Problem } from "../../model/types.js";
import type { TextBytes } from "../_parquet-bytes.js";
import { type CodedColumns, type DecodedColumns, decodeParquetColumns } from "../_parquet-decode.js";
import { DEFAULT_LOAD_GRAPH_OPTIONS, type LoadGraphOptions } from "../load-graph.js";
import { decodeList, LIST_KEYS, type Owner } from "./_attributes.js";
import type { ImportedGraph, SourceLocator } from "./_import.js";
import {
  cellValue,
  columnSpec,
  csvProblem,
  EDGE_KEY,
  EDGE_SOURCE,
  EDGE_TARGET,
  NODE_ID,
  squash,
} from "./csv.js";

type Raw = Record<string, unknown>;

export type { CodedColumns };

/** One Parquet table, read column by column. */
export interface ParquetTable {
  name: string;
  rows: number;
  header: string[];
  columns: ArrayLike<unknown>[];
  /** Columns read as codes (`CodedColumns`: an Int32Array, one code per row), not as text. */
  coded?: ReadonlySet<string>;
  /**
   * Text columns read as their UTF-8 bytes (`CodedColumns.asBytes`), by column index: their `columns` entry is
   * an empty array until `textsAsStrings` makes their strings (the row path reads strings).
   */
  texts?: Map<number, TextBytes>;
}

/** Make the strings of the columns read as bytes (`ParquetTable.texts`), as `readTextStrings` gives them. */
export function textsAsStrings(table: ParquetTable): void {
  if (!table.texts) return;
  for (const [c, text] of table.texts) table.columns[c] = text.allStrings();
  delete table.texts;
}

/** Paths of the tables of a Parquet graph. */
export interface ParquetPaths {
  nodes: string;
  edges: string;
  graph?: string;
}

const DANGEROUS = new Set(["__proto__", "constructor", "prototype"]);

/** The tables of a Parquet graph at `path` (see the module comment), or the problem with the path. */
export function parquetPathsOf(path: string): ParquetPaths | Problem {
  let dir = path;
  let stem = "";
  if (!(existsSync(path) && statSync(path).isDirectory())) {
    dir = dirname(path);
    const m = /^(.*)(nodes|edges|graph)(\.parquet)$/i.exec(basename(path));
    if (!m)
      return csvProblem(
        "E_USAGE",
        "",
        `${path}: a Parquet graph is a folder holding nodes.parquet and edges.parquet, or a *nodes.parquet / *edges.parquet pair`,
      );
    stem = m[1]!;
  }
  const graph = join(dir, `${stem}graph.parquet`);
  return {
    nodes: join(dir, `${stem}nodes.parquet`),
    edges: join(dir, `${stem}edges.parquet`),
    ...(existsSync(graph) ? { graph } : {}),
  };
}

/** Read one Parquet file into columns; a problem (naming the file) when it cannot be read as a flat table. */
export async function readParquetTable(
  path: string,
  options: LoadGraphOptions = {},
  coding?: CodedColumns,
): Promise<ParquetTable | Problem> {
  const name = basename(path);
  const fail = (code: string, message: string, hint?: string) =>
    csvProblem(code, name, `${path}: ${message}`, hint);
  let bytes: Buffer;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return fail("E_IO", "is a directory, not a Parquet file");
    if (st.size > (options.maxBytes ?? DEFAULT_LOAD_GRAPH_OPTIONS.maxBytes))
      return fail("E_TOO_LARGE", `the file is ${st.size} bytes, over the limit`, "raise --max-bytes");
    bytes = readFileSync(path);
  } catch (e) {
    return fail("E_IO", `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  if (bytes.length === 0) return fail("E_EMPTY_FILE", "the file is empty");
  // A large file has a buffer of its own (no copy needed); a small one may sit in Node's shared pool.
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  const buffer = (
    whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
  ) as ArrayBuffer;
  let metadata: ReturnType<typeof parquetMetadata>;
  try {
    metadata = parquetMetadata(buffer);
  } catch (e) {
    return fail(
      "E_PARSE",
      `not a readable Parquet file (${(e as Error).message})`,
      "write it with a Parquet writer",
    );
  }
  const tree = parquetSchema(metadata);
  const header: string[] = [];
  for (const child of tree.children) {
    if (child.children.length > 0)
      return fail(
        "E_SCHEMA",
        `column "${child.element.name}" is nested (a struct, list or map)`,
        "flatten it",
      );
    header.push(child.element.name);
  }
  let decoded: DecodedColumns;
  try {
    decoded = await decodeParquetColumns(buffer, metadata, header, coding);
  } catch (e) {
    return fail("E_PARSE", `cannot decode the Parquet data (${(e as Error).message})`);
  }
  return { name, rows: Number(metadata.num_rows), header, ...decoded };
}

/** A cell as our attribute value: bigint → number, binary/other objects kept for the checks to refuse. */
function plain(value: unknown, path: () => string, problems: Problem[]): unknown {
  if (typeof value === "bigint") {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
      problems.push(
        csvProblem("E_TYPE", path(), `the integer ${value} is beyond 2^53: it cannot be read exactly`),
      );
      return undefined;
    }
    return Number(value);
  }
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) {
    problems.push(
      csvProblem("E_TYPE", path(), "binary (non-text) cell", "store text as a UTF-8 string column"),
    );
    return undefined;
  }
  return value;
}

function cellPath(table: ParquetTable, row: number, column?: number): string {
  return column === undefined
    ? `${table.name} row ${row + 1}`
    : `${table.name} row ${row + 1}, column ${table.header[column]}`;
}

/**
 * Per column: for a list attribute in text (`sources`, by its exact name), the last text and its items. A
 * column repeats a few texts (one source on every row of a generated file), and decoding one character at a
 * time for each of 10^6 rows cost seconds; each row still gets its own array.
 */
type ListCache = Array<{ text: string; items: string[] } | null | undefined>;

function listCache(owner: Owner, specs: ReturnType<typeof columnSpec>[]): ListCache {
  return specs.map((spec) => (spec.type === "" && LIST_KEYS[owner].has(spec.name) ? null : undefined));
}

/** The attributes of row `r`, every column but `skip`. */
function rowAttributes(
  table: ParquetTable,
  r: number,
  skip: ReadonlySet<number>,
  specs: ReturnType<typeof columnSpec>[],
  problems: Problem[],
  lists: ListCache,
): Raw {
  const attrs: Raw = {};
  for (let c = 0; c < table.header.length; c++) {
    if (skip.has(c)) continue;
    let v = table.columns[c]![r];
    if (v === null || v === undefined) continue;
    const spec = specs[c]!;
    if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean")
      v = plain(v, () => cellPath(table, r, c), problems);
    else if (typeof v === "string" && spec.type !== "")
      v = cellValue(spec, v, cellPath(table, r, c), problems);
    else if (typeof v === "string" && v !== "" && lists[c] !== undefined) {
      // the items `_import.ts` would decode from this text (an empty text stays one: no value)
      let last = lists[c];
      if (last?.text !== v) lists[c] = last = { text: v, items: decodeList(v) };
      v = last.items.slice();
    }
    if (v === undefined) continue;
    if (DANGEROUS.has(spec.name))
      Object.defineProperty(attrs, spec.name, {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else attrs[spec.name] = v;
  }
  return attrs;
}

function findColumn(table: ParquetTable, names: ReadonlySet<string>): number {
  return table.header.findIndex((h) => names.has(squash(h)));
}

/** The tables as an imported graph (text still to be typed by `finishImport`), with a locator into the files. */
export function importParquetTables(tables: {
  nodes: ParquetTable;
  edges: ParquetTable;
  graph?: ParquetTable;
}): { imported: ImportedGraph; locate: SourceLocator } | { problems: Problem[] } {
  const { nodes, edges, graph } = tables;
  for (const table of [nodes, edges, graph]) if (table) textsAsStrings(table);
  const problems: Problem[] = [];
  const idCol = findColumn(nodes, NODE_ID);
  const sourceCol = findColumn(edges, EDGE_SOURCE);
  const targetCol = findColumn(edges, EDGE_TARGET);
  if (idCol < 0)
    problems.push(csvProblem("E_SCHEMA", nodes.name, `${nodes.name} has no id column`, "name a column id"));
  if (sourceCol < 0 || targetCol < 0)
    problems.push(csvProblem("E_SCHEMA", edges.name, `${edges.name} needs a source and a target column`));
  if (graph && (graph.header.length < 2 || graph.header[0] !== "attribute"))
    problems.push(csvProblem("E_SCHEMA", graph.name, `${graph.name} needs the columns attribute and value`));
  if (problems.length > 0) return { problems };
  const keyCol = findColumn(edges, EDGE_KEY);
  const nodeSpecs = nodes.header.map(columnSpec);
  const edgeSpecs = edges.header.map(columnSpec);
  const nodeLists = listCache("node", nodeSpecs);
  const edgeLists = listCache("edge", edgeSpecs);
  const imported: ImportedGraph = { attributes: {}, nodes: [], edges: [] };
  const nodeRow: number[] = [];
  const text = (table: ParquetTable, c: number, r: number): string => {
    const v = table.columns[c]![r];
    return v === null || v === undefined ? "" : String(plain(v, () => cellPath(table, r, c), problems) ?? "");
  };
  const nodeSkip = new Set([idCol]);
  for (let r = 0; r < nodes.rows; r++) {
    const key = text(nodes, idCol, r);
    if (key === "") {
      problems.push(csvProblem("E_SCHEMA", cellPath(nodes, r, idCol), "the node has no id"));
      continue;
    }
    nodeRow.push(r);
    imported.nodes.push({
      key,
      attributes: rowAttributes(nodes, r, nodeSkip, nodeSpecs, problems, nodeLists),
    });
  }
  const edgeSkip = new Set([sourceCol, targetCol, keyCol].filter((c) => c >= 0));
  for (let r = 0; r < edges.rows; r++) {
    const key = keyCol >= 0 ? text(edges, keyCol, r) : "";
    imported.edges.push({
      ...(key !== "" ? { key } : {}),
      source: text(edges, sourceCol, r),
      target: text(edges, targetCol, r),
      attributes: rowAttributes(edges, r, edgeSkip, edgeSpecs, problems, edgeLists),
    });
  }
  const graphRow = new Map<string, number>();
  if (graph)
    for (let r = 0; r < graph.rows; r++) {
      const spec = columnSpec(text(graph, 0, r).trim());
      const v = cellValue(spec, text(graph, 1, r), cellPath(graph, r, 1), problems);
      graphRow.set(spec.name, r);
      if (v !== undefined)
        Object.defineProperty(imported.attributes, spec.name, {
          value: v,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
  if (problems.some((p) => p.severity === "error")) return { problems };
  // the rows hold what the checks need now: let the decoded columns go (the locator needs names and headers)
  for (const t of [nodes, edges, graph]) if (t) t.columns = [];
  const column = (
    table: ParquetTable,
    a: string | undefined,
    fixed: Record<string, number>,
  ): number | undefined => {
    if (a === undefined) return undefined;
    if (a in fixed) return fixed[a]! >= 0 ? fixed[a] : undefined;
    const i = table.header.findIndex((h) => columnSpec(h).name === a);
    return i >= 0 ? i : undefined;
  };
  const locate: SourceLocator = {
    graph: (a) =>
      graph ? (a !== undefined && graphRow.has(a) ? cellPath(graph, graphRow.get(a)!, 1) : graph.name) : "",
    node: (i, a) => cellPath(nodes, nodeRow[i] ?? i, column(nodes, a, { key: idCol })),
    edge: (i, a) =>
      cellPath(edges, i, column(edges, a, { source: sourceCol, target: targetCol, key: keyCol })),
  };
  return { imported, locate };
}
