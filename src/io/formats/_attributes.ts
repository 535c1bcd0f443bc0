/**
 * What every import shares once a format has been read into plain rows: attribute names from other tools'
 * conventions mapped onto ours, the text encodings of lists and recipes, numbers typed by the FORMAT (never
 * guessed from the value), drawing data dropped, labels and stages filled in when a foreign tool has none.
 * Every format writes lists and recipes the same way, so a value reads the same in CSV, GEXF and GraphML.
 */
import { KNOWN_EDGE_KEYS, KNOWN_GRAPH_KEYS, KNOWN_NODE_KEYS } from "../../model/schema.js";
import { decodeList, encodeList } from "./_list-text.js";

export { decodeList, encodeList };

/** Which object an attribute belongs to. */
export type Owner = "graph" | "node" | "edge";

/** Numeric attributes of the format, per owner. A test checks them against the zod schema. */
export const NUMERIC_KEYS: Record<Owner, ReadonlySet<string>> = {
  graph: new Set(["year"]),
  node: new Set([
    "lat",
    "lon",
    "capacity",
    "demand",
    "stockpileDays",
    "stock",
    "recoveryDays",
    "stockDays",
    "qualificationDays",
    "rampDays",
    "valuePerYear",
    "since",
  ]),
  edge: new Set(["volume", "capacity", "leadTimeDays"]),
};

/**
 * Attributes every format carries as JSON text (the `ranges` object of docs/uncertainty.md): a CSV cell, a GEXF
 * or GraphML string attribute. Written by `encodeValue`'s JSON fallback, read back by the import.
 */
export const JSON_KEYS: Record<Owner, ReadonlySet<string>> = {
  // The graph's `materials` table (a record per material) travels as JSON text, like `ranges`.
  graph: new Set(["materials"]),
  node: new Set(["ranges"]),
  edge: new Set(["ranges"]),
};

/** Numeric attributes that must be whole numbers (declared `integer`/`int` in XML). */
export const INTEGER_KEYS: ReadonlySet<string> = new Set(["year", "since"]);

/** List-of-text attributes of the format, per owner. */
export const LIST_KEYS: Record<Owner, ReadonlySet<string>> = {
  graph: new Set(["stages", "importStages", "sources"]),
  node: new Set(["sources"]),
  edge: new Set(["sources"]),
};

const KNOWN: Record<Owner, ReadonlySet<string>> = {
  graph: KNOWN_GRAPH_KEYS,
  node: KNOWN_NODE_KEYS,
  edge: KNOWN_EDGE_KEYS,
};

/** Attributes Gephi/networkx keep for drawing (viz:position, viz:color, ...): not supply-chain data. */
export const DRAWING_KEYS: ReadonlySet<string> = new Set([
  "x",
  "y",
  "z",
  "size",
  "color",
  "shape",
  "thickness",
]);

/** Stage order of the bundled rare-earth graphs, used to order stages inferred from a foreign file. */
const CANONICAL_STAGES = ["mine", "recycling", "stockpile", "refinery", "metal", "magnet", "consumer"];

/** Spelling-insensitive form of a name: `Stockpile_Days`, `stockpile days` and `stockpileDays` all match. */
function squash(name: string): string {
  return name.toLowerCase().replace(/[\s_\-.]/g, "");
}

/** Other tools' names for our attributes, by owner (squashed form → our name). */
const ALIASES: Record<Owner, Record<string, string>> = {
  graph: { title: "name", description: "notes" },
  node: { type: "stage", name: "label", latitude: "lat", longitude: "lon", lng: "lon", note: "notes" },
  edge: { flow: "volume", note: "notes", leadtime: "leadTimeDays" },
};

/**
 * Our name for an attribute of another tool (Gephi titles such as `Label`, networkx snake_case such as
 * `stockpile_days`), or the name unchanged when nothing matches. Exact names always win.
 */
export function canonicalName(owner: Owner, name: string): string {
  const known = KNOWN[owner];
  if (known.has(name)) return name;
  const s = squash(name);
  for (const k of known) if (squash(k) === s) return k;
  return ALIASES[owner][s] ?? name;
}

/** A recipe as `material:amount;material:amount`, in the recipe's own key order. */
export function encodeRecipe(recipe: Record<string, number>): string {
  return encodeList(Object.entries(recipe).map(([m, a]) => `${m}:${formatNumber(a)}`));
}

/** Parse `material:amount;...` (the material may itself hold `:`; the amount follows the last one). */
export function decodeRecipe(text: string): { recipe: Record<string, number> } | { error: string } {
  const recipe: Record<string, number> = {};
  for (const item of decodeList(text)) {
    const at = item.lastIndexOf(":");
    const material = at < 0 ? "" : item.slice(0, at).trim();
    const amount = at < 0 ? Number.NaN : parseStrictNumber(item.slice(at + 1));
    if (material === "" || Number.isNaN(amount)) {
      return { error: `recipe item "${item}" is not material:amount` };
    }
    if (Object.hasOwn(recipe, material)) return { error: `recipe names "${material}" twice` };
    Object.defineProperty(recipe, material, { value: amount, enumerable: true, writable: true });
  }
  return { recipe };
}

/** Plain decimal or scientific notation, nothing else: `"1,000"`, `"12 t"`, `"0x10"` and `""` are NaN. */
export function parseStrictNumber(text: string): number {
  const t = text.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number.NaN;
  const n = Number(t);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** A finite number as the shortest text that reads back to the same double. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  return String(n);
}

/**
 * Stages for a file that declares none (networkx and Gephi files have no place for them): the nodes' stages,
 * known rare-earth stages in their chain order first, then the others in order of first appearance.
 */
export function inferStages(nodeStages: Iterable<unknown>): string[] {
  const seen: string[] = [];
  for (const s of nodeStages) if (typeof s === "string" && s !== "" && !seen.includes(s)) seen.push(s);
  const known = CANONICAL_STAGES.filter((s) => seen.includes(s));
  return [...known, ...seen.filter((s) => !CANONICAL_STAGES.includes(s))];
}
