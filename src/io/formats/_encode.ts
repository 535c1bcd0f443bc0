/**
 * Our attribute values → the scalar values every interchange format can hold, and the type each format should
 * declare for them. Lists and recipes become text in the shared encodings of `_attributes.ts`; numbers must be
 * finite (a file never says Infinity or NaN: Gephi, networkx and spreadsheets all read them differently).
 */
import { ChokepointError } from "../../model/errors.js";
import {
  encodeList,
  encodeRecipe,
  INTEGER_KEYS,
  LIST_KEYS,
  NUMERIC_KEYS,
  type Owner,
} from "./_attributes.js";

/** A scalar the formats carry. */
export type Scalar = string | number | boolean;

/** The declared type of an attribute column. */
export type ScalarType = "string" | "double" | "integer" | "boolean";

/** Thrown when a value cannot be written faithfully (a non-finite number). */
export class UnwritableValueError extends ChokepointError {
  constructor(where: string, key: string, value: unknown) {
    super(
      "E_VALUE",
      `${where}: attribute "${key}" is ${String(value)}, which no interchange format can hold`,
      "give a finite number, or leave the attribute out (absent capacity = not limited)",
    );
  }
}

/** Encode one attribute value; `where` names the node/edge for errors. Undefined/null → undefined (omitted). */
export function encodeValue(owner: Owner, key: string, value: unknown, where: string): Scalar | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new UnwritableValueError(where, key, value);
    return value;
  }
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (key === "recipe" && owner === "node") return encodeRecipe(value as Record<string, number>);
  if (Array.isArray(value) && (LIST_KEYS[owner].has(key) || value.every((v) => typeof v === "string")))
    return encodeList(value.map(String));
  return JSON.stringify(value, (_k, v) => {
    if (typeof v === "number" && !Number.isFinite(v)) throw new UnwritableValueError(where, key, v);
    return v;
  });
}

/** The declared type for a column from all its encoded values (the format's own typing wins for known keys). */
export function columnType(owner: Owner, key: string, values: Iterable<Scalar>): ScalarType {
  if (NUMERIC_KEYS[owner].has(key)) return INTEGER_KEYS.has(key) ? "integer" : "double";
  let type: ScalarType | null = null;
  for (const v of values) {
    const t: ScalarType =
      typeof v === "boolean"
        ? "boolean"
        : typeof v === "number"
          ? Number.isInteger(v)
            ? "integer"
            : "double"
          : "string";
    if (type === null || type === t) type = t;
    else if ((type === "integer" && t === "double") || (type === "double" && t === "integer"))
      type = "double";
    else return "string";
  }
  return type ?? "string";
}

/** What writing a file had to change, for the caller to report. */
export interface WriteNotes {
  /** Characters removed because the format cannot hold them (XML control characters). */
  removedCharacters: number;
}
