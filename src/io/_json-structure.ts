/**
 * What `JSON.parse` does not tell: an object with the same key twice (the last value silently wins, so a
 * hand-edited `"capacity"` given twice is half ignored), and nesting deeper than any of our formats needs
 * (values nested thousands of levels deep parse fine but crash `JSON.stringify`, the XML writers and every
 * other recursive walk with a RangeError). One linear scan over the text, run after `JSON.parse` succeeded
 * (so the text is known to be valid JSON and the scan can skip strings with `indexOf`).
 */

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
