/**
 * What `JSON.parse` does not tell: an object with the same key twice (the last value silently wins, so a
 * hand-edited `"capacity"` given twice is half ignored), and nesting deeper than any of our formats needs
 * (values nested thousands of levels deep parse fine but crash `JSON.stringify`, the XML writers and every
 * other recursive walk with a RangeError). One linear scan over the text, run after `JSON.parse` succeeded
 * (so the text is known to be valid JSON and the scan can skip strings with `indexOf`).
 */

import { DANGEROUS_KEYS } from "../model/_reserved.js";

/** Deepest nesting of objects and arrays accepted in a JSON input (a graph file needs 4: file, nodes, node, attributes, recipe). */
export const MAX_JSON_DEPTH = 64;

/** The message of a key given twice in one object. */
export function duplicateKeyMessage(key: string): string {
  return `the key "${key}" appears twice in the same object (JSON keeps only the last value)`;
}

/** A structural problem: where (a JSON pointer) and what. */
export interface JsonStructureIssue {
  code: "E_DUPLICATE_KEY" | "E_DEPTH";
  pointer: string;
  message: string;
}

interface Frame {
  /** Keys seen so far in an object; null for an array. */
  keys: string[] | null;
  /** The member being read: a key, or the index in an array. */
  at: string | number;
}

/** JSON pointer of the member being read (each frame's `at`; the frame below the root holds the root's members). */
function pointerOf(stack: Frame[]): string {
  return stack
    .slice(1)
    .map((f) => `/${String(f.at).replace(/~/g, "~0").replace(/\//g, "~1")}`)
    .join("");
}

/** The first duplicate key or over-deep nesting in valid JSON `text`, or null. */
export function jsonStructureIssue(text: string, maxDepth = MAX_JSON_DEPTH): JsonStructureIssue | null {
  const stack: Frame[] = [{ keys: null, at: "" }];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // a string: find its closing quote (one not preceded by an odd run of backslashes)
      let j = text.indexOf('"', i + 1);
      for (;;) {
        let b = j - 1;
        while (text.charCodeAt(b) === 92) b--;
        if ((j - 1 - b) % 2 === 0) break;
        j = text.indexOf('"', j + 1);
      }
      const top = stack[stack.length - 1]!;
      if (top.keys !== null) {
        let k = j + 1;
        while (k < n && text.charCodeAt(k) <= 32) k++;
        if (text.charCodeAt(k) === 58) {
          const raw = text.slice(i + 1, j);
          const key = raw.includes("\\") ? (JSON.parse(`"${raw}"`) as string) : raw;
          top.at = key;
          if (top.keys.includes(key))
            return {
              code: "E_DUPLICATE_KEY",
              pointer: pointerOf(stack),
              message: duplicateKeyMessage(key),
            };
          top.keys.push(key);
        }
      }
      i = j;
    } else if (c === 123 || c === 91) {
      if (stack.length > maxDepth)
        return {
          code: "E_DEPTH",
          pointer: pointerOf(stack),
          message: `values are nested more than ${maxDepth} levels deep`,
        };
      stack.push({ keys: c === 123 ? [] : null, at: 0 });
    } else if (c === 125 || c === 93) {
      stack.pop();
    } else if (c === 44) {
      const top = stack[stack.length - 1]!;
      if (top.keys === null && typeof top.at === "number") top.at++;
    }
  }
  return null;
}

/** What `scanJsonKeys` found. */
export interface JsonKeyScan {
  /** No duplicate key and no over-deep nesting: `jsonStructureIssue` would return null. */
  clean: boolean;
  /**
   * Some key may be `__proto__`, `constructor` or `prototype` (one is, or a key has an escape sequence), so the
   * parsed value must be walked for them (`findReservedKeys`); false: no object in it has such a key.
   */
  reservedKeys: boolean;
}

/** Keys of one object beyond which `scanJsonKeys` leaves the object to `jsonStructureIssue`. */
const WIDE_OBJECT_KEYS = 64;

const UNSURE: JsonKeyScan = { clean: false, reservedKeys: true };

/** True when the `length` characters of `text` at `a` and at `b` are equal. */
function sameChars(text: string, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
}

/**
 * The common case of `jsonStructureIssue` in one scan that allocates nothing per key, for the loader on a
 * valid JSON `text`: keys are compared in place (offsets and lengths, never sliced into strings), and the keys
 * named like Object.prototype members are noted, so that a file without them needs no walk of its parsed value
 * (the page's thread of the viewer spent about 0.1 s in each of the two on a 10^4-node file). A key with an
 * escape sequence is not compared here: the answer is then "not clean" and `jsonStructureIssue` decides.
 */
export function scanJsonKeys(text: string, maxDepth = MAX_JSON_DEPTH): JsonKeyScan {
  const n = text.length;
  // the keys of the objects open, innermost last: offset of the first character and length
  let keyAt = new Int32Array(256);
  let keyLength = new Int32Array(256);
  let keys = 0;
  // per depth: the first of `keys` that belongs to the object (or array) open at that depth
  const firstKey = new Int32Array(maxDepth + 2);
  let depth = 0;
  let reserved = false;
  // the next backslash at or after the scan position (n: none): strings before it have no escapes
  let backslash = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      if (backslash <= i) {
        backslash = text.indexOf("\\", i + 1);
        if (backslash === -1) backslash = n;
      }
      let j = text.indexOf('"', i + 1);
      const escaped = backslash < j;
      if (escaped) {
        // the closing quote is the first one not preceded by an odd run of backslashes
        for (;;) {
          let b = j - 1;
          while (text.charCodeAt(b) === 92) b--;
          if ((j - 1 - b) % 2 === 0) break;
          j = text.indexOf('"', j + 1);
        }
      }
      let k = j + 1;
      while (k < n && text.charCodeAt(k) <= 32) k++;
      if (text.charCodeAt(k) === 58) {
        if (escaped) return UNSURE;
        const at = i + 1;
        const length = j - at;
        // a wide object is left to `jsonStructureIssue` (its pairwise comparison costs as much there)
        if (keys - firstKey[depth]! >= WIDE_OBJECT_KEYS) return UNSURE;
        for (let q = firstKey[depth]!; q < keys; q++)
          if (keyLength[q] === length && sameChars(text, keyAt[q]!, at, length)) return UNSURE;
        if (!reserved && (length === 9 || length === 11))
          for (const name of DANGEROUS_KEYS)
            if (name.length === length && text.startsWith(name, at)) reserved = true;
        if (keys === keyAt.length) {
          const grownAt = new Int32Array(keys * 2);
          grownAt.set(keyAt);
          keyAt = grownAt;
          const grownLength = new Int32Array(keys * 2);
          grownLength.set(keyLength);
          keyLength = grownLength;
        }
        keyAt[keys] = at;
        keyLength[keys++] = length;
        i = k;
      } else i = j;
    } else if (c === 123 || c === 91) {
      if (++depth > maxDepth) return UNSURE;
      firstKey[depth] = keys;
    } else if (c === 125 || c === 93) {
      keys = firstKey[depth--]!;
    }
  }
  return { clean: true, reservedKeys: reserved };
}
