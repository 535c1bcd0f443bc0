/**
 * The column-wise fast path for a Parquet nodes table: each column's values are checked in one tight loop (a
 * type and range test per cell, no row object), then each node's attribute object is built once, with its keys
 * in the schema's order, as the row path's checks would leave it. It answers for the common, valid case only,
 * like `model/_fast-schema.ts`: every column is one it knows (by its exact name, without a CSV type suffix)
 * with typed values, and no node would raise a problem or a warning. Otherwise it returns null and the caller
 * takes the row path (`importParquetTables` + `finishImportColumns`), which reports every problem, with the
 * same codes as for JSON and CSV.
 */
import { isCountryCode } from "../model/countries.js";
import { DANGEROUS_KEYS, isReservedId } from "../model/_reserved.js";
import { FACILITY_STATUSES, nodeAttributesSchema } from "../model/schema.js";
import { NodeColumns, OnDemand } from "../model/_node-table.js";
import type { TextBytes } from "./_parquet-bytes.js";
import { decodeList, decodeRecipe } from "./formats/_attributes.js";
import { NODE_ID, squash } from "./formats/csv.js";
import type { ParquetTable } from "./formats/parquet.js";
import type { IdBytes } from "./_id-bytes.js";

type Check = (v: number) => boolean;

const nonNegative: Check = (v) => Number.isFinite(v) && v >= 0;
/** Numeric node columns and the test each value must pass (`_fast-schema.ts`'s NODE_SHAPE). */
const NUMBERS: Record<string, Check> = {
  lat: (v) => Number.isFinite(v) && v >= -90 && v <= 90,
  lon: (v) => Number.isFinite(v) && v >= -180 && v <= 180,
  capacity: nonNegative,
  demand: nonNegative,
  stockpileDays: nonNegative,
  stock: nonNegative,
  recoveryDays: nonNegative,
  stockDays: nonNegative,
  qualificationDays: nonNegative,
  rampDays: nonNegative,
  valuePerYear: nonNegative,
  since: (v) => Number.isSafeInteger(v),
};
/** Text node columns: any non-empty text (an empty cell is no value, as in the row path). */
const TEXTS = new Set(["label", "stage", "country", "operator", "output", "status", "notes"]);
/**
 * The key order of `nodeAttributesSchema` (zod's output order, which the row path's checks keep). `ranges` is an
 * object per node, which only the row path reads.
 */
const ORDER = Object.keys(nodeAttributesSchema.shape).filter((k) => k !== "ranges");
const STATUSES: ReadonlySet<unknown> = new Set(FACILITY_STATUSES);
const RESERVED_KEYS: ReadonlySet<string> = new Set(DANGEROUS_KEYS);

/**
 * What the nodes give the integer view: ids and attributes in table order, and either the rows in the order of
 * their ids (from the ids' bytes, no Map) or id → row.
 */
export interface ParquetNodes {
  ids: string[];
  nodeAttributes: NodeColumns;
  order?: Int32Array;
  positions?: Map<string, number>;
}

/** Limits the node checks apply (`GraphCheckOptions`). */
export interface NodeLimits {
  maxIdLength: number;
  maxLabelLength: number;
}

/**
 * One column's values as our attribute values (numbers, text, lists, recipes; undefined = no value), or null
 * when a value is not one the fast path accepts. Lists and recipes repeat a few texts: each is decoded once.
 */
function columnValues(
  name: string,
  values: ArrayLike<unknown>,
  rows: number,
  stages: ReadonlySet<string>,
  limits: NodeLimits,
): ArrayLike<unknown> | null {
  const check = NUMBERS[name];
  if (check) {
    for (let r = 0; r < rows; r++) {
      const v = values[r];
      if (v === null || v === undefined) continue;
      if (typeof v !== "number" || !check(v)) return null;
    }
    return values;
  }
  if (TEXTS.has(name)) {
    const required = name === "label" || name === "stage" || name === "country";
    for (let r = 0; r < rows; r++) {
      const v = values[r];
      if (v === null || v === undefined || v === "") {
        if (required) return null; // a missing label, stage or country is a warning or an error
        continue;
      }
      if (typeof v !== "string") return null;
      if (name === "label" && v.length > limits.maxLabelLength) return null;
      if (name === "stage" && !stages.has(v)) return null;
      if (name === "country" && !isCountryCode(v)) return null;
      if (name === "status" && !STATUSES.has(v)) return null;
    }
    return values;
  }
  if (name === "sources" || name === "recipe") {
    const out = new Array<unknown>(rows);
    let lastText: unknown;
    let last: string[] | Record<string, number> | undefined;
    for (let r = 0; r < rows; r++) {
      const v = values[r];
      if (v === null || v === undefined || v === "") continue;
      if (typeof v !== "string") return null;
      if (v !== lastText) {
        lastText = v;
        last = name === "sources" ? sourcesOf(v) : recipeOf(v);
        if (last === undefined) return null;
      }
      // shared here: `NodeColumns` gives each node's object its own copy, as the row path does
      out[r] = last;
    }
    return out;
  }
  return null;
}

/**
 * The labels kept as bytes, made into strings on demand (`OnDemand`), when every label passes the checks
 * `columnValues` makes (present, not empty, within the length limit); else null. A label's UTF-16 length is at
 * most its UTF-8 length, so only a label longer in bytes than the limit, or one starting with a non-ASCII byte
 * (a byte order mark, which decoding drops), is decoded to be checked.
 */
function labelsOnDemand(text: TextBytes, rows: number, limits: NodeLimits): OnDemand | null {
  const { bytes, offsets, nulls } = text;
  for (let r = 0; r < rows; r++) {
    if (nulls !== null && nulls[r] === 1) return null;
    const from = offsets[r]!;
    const length = offsets[r + 1]! - from;
    if (length === 0) return null;
    if (length > limits.maxLabelLength || bytes[from]! >= 0x80) {
      const label = text.string(r)!;
      if (label === "" || label.length > limits.maxLabelLength) return null;
    }
  }
  return new OnDemand((r) => text.string(r));
}

function sourcesOf(text: string): string[] | undefined {
  const list = decodeList(text);
  return list.length > 0 ? list : undefined;
}

function recipeOf(text: string): Record<string, number> | undefined {
  const r = decodeRecipe(text);
  if ("error" in r) return undefined;
  for (const k in r.recipe) {
    if (RESERVED_KEYS.has(k)) return undefined; // E_RESERVED_KEY, from the row path's checks
    const amount = r.recipe[k]!;
    if (!Number.isFinite(amount) || amount <= 0) return undefined;
  }
  return r.recipe;
}

/**
 * The nodes of a Parquet table read column-wise (see the module comment), or null when the row path must
 * answer. `stages` are the graph's declared stages (the fast path needs them declared).
 */
export function checkParquetNodes(
  nodes: ParquetTable,
  stages: ReadonlySet<string>,
  limits: NodeLimits,
  idBytes?: IdBytes,
): ParquetNodes | null {
  const rows = nodes.rows;
  const idCol = nodes.header.findIndex((h) => NODE_ID.has(squash(h)));
  if (idCol < 0 || stages.size === 0) return null;
  const byName = new Map<string, ArrayLike<unknown> | OnDemand>();
  for (let c = 0; c < nodes.header.length; c++) {
    if (c === idCol) continue;
    const name = nodes.header[c]!;
    if (byName.has(name)) return null;
    // a column read as bytes: labels stay bytes (strings made when a node is asked for), others become strings
    const text = nodes.texts?.get(c);
    const values =
      text && name === "label"
        ? labelsOnDemand(text, rows, limits)
        : columnValues(name, text ? text.allStrings() : nodes.columns[c]!, rows, stages, limits);
    if (values === null) return null;
    byName.set(name, values);
  }
  if (!byName.has("label") || !byName.has("stage") || !byName.has("country")) return null;
  // numbers are never on demand
  const stock = byName.get("stock") as ArrayLike<unknown> | undefined;
  const demand = byName.get("demand") as ArrayLike<unknown> | undefined;
  if (stock && demand) for (let r = 0; r < rows; r++) if (stock[r] != null && demand[r] != null) return null;
  const idText = nodes.texts?.get(idCol);
  const ids = idsOf(idText ? idText.allStrings() : nodes.columns[idCol]!, rows, limits, idBytes);
  if (ids === null) return null;
  // No object per node: each is made from the columns on its first access (`NodeColumns`).
  const columns = ORDER.filter((k) => byName.has(k)).map((key) => ({ key, values: byName.get(key)! }));
  return { ...ids, nodeAttributes: new NodeColumns(columns, rows) };
}

/**
 * The ids (text, non-empty, within the limit, not reserved, no "->", each once) with their sorted order, or
 * null. Given the ids' bytes (`IdBytes`, built over this column), repeats and the order come from the bytes;
 * else (or for ids whose byte order is not `<`'s) from a Map of the strings.
 */
function idsOf(
  column: ArrayLike<unknown>,
  rows: number,
  limits: NodeLimits,
  idBytes?: IdBytes,
): { ids: string[]; order?: Int32Array; positions?: Map<string, number> } | null {
  const ids = new Array<string>(rows);
  for (let r = 0; r < rows; r++) {
    const id = column[r];
    if (typeof id !== "string" || id === "" || id.length > limits.maxIdLength || isReservedId(id))
      return null;
    // "->" in an id makes default edge keys ambiguous: only the row path's exact edge checks are right then
    if (id.includes("->")) return null;
    ids[r] = id;
  }
  if (idBytes) {
    if (idBytes.repeated) return null;
    const order = idBytes.sortedOrder();
    if (order) return { ids, order };
  }
  const positions = new Map<string, number>();
  for (let r = 0; r < rows; r++) {
    positions.set(ids[r]!, r);
    if (positions.size !== r + 1) return null; // a repeated id
  }
  return { ids, positions };
}
