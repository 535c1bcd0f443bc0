/**
 * Fast paths for the zod schemas of `schema.ts`, for graphs of 10^5-10^6 nodes where zod's per-object parse
 * (about 1.5 µs per node or edge, plus the garbage of its copies) dominated loading. Each function answers for
 * the common, valid case only: it returns exactly what `schema.safeParse(x).data` would (same keys, same key
 * order: the schema's keys first, then unknown keys; fresh arrays and records) when `x` is surely valid, and
 * `null` otherwise, in which case the caller runs zod, which reports the problems. So problems never change;
 * `tests/model/fast-schema.test.ts` checks the equivalence on random objects.
 */
import { FACILITY_STATUSES } from "./schema.js";

type Raw = Record<string, unknown>;

const STATUSES: ReadonlySet<unknown> = new Set(FACILITY_STATUSES);

/** A plain object from JSON (not an array, not a class instance). */
export function isPlainRecord(x: unknown): x is Raw {
  if (x === null || typeof x !== "object" || Array.isArray(x)) return false;
  return Object.getPrototypeOf(x) === Object.prototype;
}

type Check = (v: unknown) => boolean;

const str: Check = (v) => typeof v === "string";
const nonEmpty: Check = (v) => typeof v === "string" && v.length > 0;
const finite: Check = (v) => typeof v === "number" && Number.isFinite(v);
const nonNegative: Check = (v) => typeof v === "number" && Number.isFinite(v) && v >= 0;
const sources: Check = (v) => {
  if (!Array.isArray(v) || v.length === 0) return false;
  for (let i = 0; i < v.length; i++) {
    const s = v[i];
    if (typeof s !== "string" || s.length === 0) return false;
  }
  return true;
};
const recipe: Check = (v) => {
  if (!isPlainRecord(v)) return false;
  for (const k in v) {
    if (!Object.hasOwn(v, k) || k.length === 0) return false;
    const amount = v[k];
    if (typeof amount !== "number" || !Number.isFinite(amount) || amount <= 0) return false;
  }
  return true;
};

/** The node attribute keys in `nodeAttributesSchema` order, with the check each value must pass. */
const NODE_SHAPE: ReadonlyArray<readonly [string, Check]> = [
  ["label", nonEmpty],
  ["stage", nonEmpty],
  ["country", str],
  ["operator", str],
  ["lat", (v) => finite(v) && (v as number) >= -90 && (v as number) <= 90],
  ["lon", (v) => finite(v) && (v as number) >= -180 && (v as number) <= 180],
  ["capacity", nonNegative],
  ["output", nonEmpty],
  ["recipe", recipe],
  ["demand", nonNegative],
  ["stockpileDays", nonNegative],
  ["stock", nonNegative],
  ["recoveryDays", nonNegative],
  ["stockDays", nonNegative],
  ["qualificationDays", nonNegative],
  ["rampDays", nonNegative],
  ["valuePerYear", nonNegative],
  ["status", (v) => STATUSES.has(v)],
  ["since", (v) => Number.isSafeInteger(v)],
  ["sources", sources],
  ["notes", str],
  ["ranges", isPlainRecord],
];
const REQUIRED_NODE_KEYS = ["label", "stage"];

const EDGE_SHAPE: ReadonlyArray<readonly [string, Check]> = [
  ["volume", nonNegative],
  ["capacity", nonNegative],
  ["leadTimeDays", nonNegative],
  ["sources", sources],
  ["notes", str],
  ["ranges", isPlainRecord],
];

function copyValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.slice();
  if (isPlainRecord(v)) return { ...v };
  return v;
}

const NODE_INDEX = new Map(NODE_SHAPE.map(([k], i) => [k, i]));
const EDGE_INDEX = new Map(EDGE_SHAPE.map(([k], i) => [k, i]));

/**
 * zod's output for a loose object whose shape values all pass: shape keys first, then the others. With
 * `adopt` (the caller gives `raw` up, as the loader does with the objects it parsed), `raw` itself is returned
 * when its keys are already in that order: same keys, order and values as zod's copy, without the copy.
 */
function fastLoose(
  raw: unknown,
  shape: ReadonlyArray<readonly [string, Check]>,
  index: ReadonlyMap<string, number>,
  required: string[],
  adopt: boolean,
  intern: Map<string, string> | undefined,
): Raw | null {
  if (!isPlainRecord(raw)) return null;
  for (const k of required) if (raw[k] === undefined || !Object.hasOwn(raw, k)) return null;
  let inOrder = true;
  let last = -1;
  let unknown = false;
  for (const k in raw) {
    const at = index.get(k);
    if (at === undefined) {
      unknown = true;
      continue;
    }
    if (unknown || at <= last) inOrder = false;
    last = at;
    const v = raw[k];
    // An explicit undefined passes zod's optional() and is kept; anything else must pass the check.
    if (v !== undefined && !shape[at]![1](v)) return null;
  }
  const out: Raw = adopt && inOrder ? raw : {};
  if (out !== raw) {
    for (const [k] of shape) if (Object.hasOwn(raw, k)) out[k] = copyValue(raw[k]);
    if (unknown) for (const k of Object.keys(raw)) if (!index.has(k)) out[k] = raw[k];
  }
  if (intern && Array.isArray(out.sources)) internStrings(out.sources as string[], intern);
  return out;
}

/**
 * Replace each string by the first equal one seen. JSON.parse makes a new string for every value, and a large
 * file repeats the same source on millions of edges (64 bytes each at 10^6 nodes: about 230 MB). At most 4096
 * distinct strings are kept, so a file with a different source per edge costs nothing extra.
 */
function internStrings(list: string[], intern: Map<string, string>): void {
  for (let i = 0; i < list.length; i++) {
    const s = list[i]!;
    const first = intern.get(s);
    if (first !== undefined) list[i] = first;
    else if (intern.size < 4096) intern.set(s, s);
  }
}

/** `nodeAttributesSchema.safeParse(raw).data` when raw is surely valid, else null (run zod). */
export function fastNodeAttributes(raw: unknown, adopt = false, intern?: Map<string, string>): Raw | null {
  return fastLoose(raw, NODE_SHAPE, NODE_INDEX, REQUIRED_NODE_KEYS, adopt, intern);
}

/** `edgeAttributesSchema.safeParse(raw).data` when raw is surely valid, else null (run zod). */
export function fastEdgeAttributes(raw: unknown, adopt = false, intern?: Map<string, string>): Raw | null {
  return fastLoose(raw, EDGE_SHAPE, EDGE_INDEX, [], adopt, intern);
}

/**
 * The fields of `nodeEntrySchema.safeParse(entry).data` that the checks use, for an entry with a non-empty
 * string key and plain-object attributes; else null. The attributes are NOT copied: the caller only reads them.
 */
export function fastNodeEntry(entry: unknown): { key: string; attributes: Raw } | null {
  if (!isPlainRecord(entry)) return null;
  const { key, attributes } = entry;
  if (typeof key !== "string" || key.length === 0 || !isPlainRecord(attributes)) return null;
  return { key, attributes };
}

/** Same for `edgeEntrySchema`: string ends, optional non-empty string key, optional plain attributes. */
export function fastEdgeEntry(
  entry: unknown,
): { key: string | undefined; source: string; target: string; attributes: Raw | undefined } | null {
  if (!isPlainRecord(entry)) return null;
  const { key, source, target, attributes, undirected } = entry;
  if (typeof source !== "string" || source.length === 0) return null;
  if (typeof target !== "string" || target.length === 0) return null;
  if (key !== undefined && (typeof key !== "string" || key.length === 0)) return null;
  if (undirected !== undefined && undirected !== false) return null;
  if (attributes !== undefined && !isPlainRecord(attributes)) return null;
  return { key, source, target, attributes };
}

const GRAPH_TYPES: ReadonlySet<unknown> = new Set(["directed", "mixed", "undirected"]);

/** What `fastFile` returns: the members of `fileSchema`'s output that the checks read. */
export interface FastFile {
  attributes: Raw;
  options?: { type?: "directed" | "mixed" | "undirected"; multi?: boolean; allowSelfLoops?: boolean };
  nodes: unknown[];
  edges?: unknown[];
}

/**
 * `fileSchema.safeParse(data).data` for a file object that surely passes, else null (run zod): the same members
 * and values (the options keep their own key order; the checks only read them). The node and edge
 * lists, the attributes and the options are NOT copied (the checks only read them; the loader empties the lists
 * it gave up, `adoptInput`): zod's copies of the lists cost an object per element, tens of ms on the viewer's page
 * for the 46,000 entries of a 10^4-node file.
 */
export function fastFile(data: unknown): FastFile | null {
  if (!isPlainRecord(data)) return null;
  const { attributes, options, nodes, edges } = data;
  if (!isPlainRecord(attributes) || !Array.isArray(nodes)) return null;
  if (edges !== undefined && !Array.isArray(edges)) return null;
  if (options !== undefined) {
    if (!isPlainRecord(options)) return null;
    const { type, multi, allowSelfLoops } = options;
    if (type !== undefined && !GRAPH_TYPES.has(type)) return null;
    if (multi !== undefined && typeof multi !== "boolean") return null;
    if (allowSelfLoops !== undefined && typeof allowSelfLoops !== "boolean") return null;
  }
  return {
    attributes,
    options: options as FastFile["options"],
    nodes,
    edges: edges as unknown[] | undefined,
  };
}
