/**
 * JSON.parse for graph files too large for one string. V8 caps a string at 2^29 − 24 characters (512 MiB), and
 * a 10^6-node graph file is about 700 MB, so `TextDecoder.decode` + `JSON.parse` cannot read it. A streaming
 * tokenizer (stream-json) could, but calls back per token and runs several times slower than V8's parser.
 * Instead we scan the bytes of the top-level object once, find the boundaries of the elements of its array
 * members (`nodes`, `edges`), and hand batches of whole elements (a few MiB each) to `JSON.parse`. The result
 * is the same value `JSON.parse` would return for the whole text.
 *
 * The scan only needs quotes, backslashes and brackets; inside a string it jumps to the next quote with
 * `indexOf` (memchr), so it costs well under a second for 700 MB. Bytes are decoded batch by batch with a
 * strict UTF-8 decoder; a batch starts and ends at ASCII punctuation, never inside a character.
 */
import { firstInvalidUtf8 } from "./_decode.js";

/** What went wrong, with the byte offset in the file. */
export interface LargeJsonError {
  kind: "parse" | "encoding";
  offset: number;
  message: string;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

class ParseFailure extends Error {
  constructor(
    readonly kind: "parse" | "encoding",
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Parse JSON bytes whose top level is an object, batching the elements of its array members.
 * `start` skips a byte-order mark. Returns the value, or the first error with its file offset.
 */
export function parseLargeJson(
  bytes: Uint8Array,
  options: { start?: number; batchBytes?: number } = {},
): { data: unknown } | { error: LargeJsonError } {
  const batchBytes = options.batchBytes ?? 8 << 20;
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const n = bytes.length;

  const decode = (from: number, to: number): string => {
    const slice = bytes.subarray(from, to);
    try {
      return decoder.decode(slice);
    } catch {
      throw new ParseFailure("encoding", from + Math.max(0, firstInvalidUtf8(slice)), "invalid UTF-8");
    }
  };
  const parseSlice = (from: number, to: number, prefix = "", suffix = ""): unknown => {
    const text = decode(from, to);
    try {
      return JSON.parse(prefix + text + suffix);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const m = /position (\d+)/.exec(message);
      const at = m ? Math.max(0, Number(m[1]) - prefix.length) : text.length;
      // The position counts UTF-16 units of the batch; map it back to bytes of the file.
      const offset = from + new TextEncoder().encode(text.slice(0, at)).length;
      throw new ParseFailure("parse", offset, message.replace(/ in JSON at position \d+.*$/s, ""));
    }
  };
  const skipSpace = (i: number): number => {
    while (i < n && isSpace(bytes[i]!)) i++;
    return i;
  };
  /** Index just past the string starting at `i` (a quote). */
  const endOfString = (i: number): number => {
    let j = i + 1;
    for (;;) {
      const q = bytes.indexOf(QUOTE, j);
      if (q < 0) throw new ParseFailure("parse", n, "Unterminated string");
      let k = q - 1;
      while (bytes[k] === BACKSLASH) k--;
      if ((q - 1 - k) % 2 === 0) return q + 1;
      j = q + 1;
    }
  };
  /** Index just past the value starting at `i` (any JSON value; nested brackets balanced, strings skipped). */
  const endOfValue = (i: number): number => {
    let depth = 0;
    let j = i;
    while (j < n) {
      const b = bytes[j]!;
      if (b === QUOTE) {
        j = endOfString(j);
        if (depth === 0) return j;
        continue;
      }
      if (b === OPEN_OBJECT || b === OPEN_ARRAY) depth++;
      else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
        depth--;
        if (depth === 0) return j + 1;
        if (depth < 0) return j;
      } else if (depth === 0 && (b === COMMA || isSpace(b))) return j;
      j++;
    }
    if (depth > 0) throw new ParseFailure("parse", n, "Unexpected end of JSON input");
    return j;
  };
  /** Parse the array starting at `i` in batches of whole elements; returns the array and the index past it. */
  const parseArray = (i: number): [unknown[], number] => {
    const out: unknown[] = [];
    let j = skipSpace(i + 1);
    if (bytes[j] === CLOSE_ARRAY) return [out, j + 1];
    let batchStart = j;
    for (;;) {
      j = skipSpace(endOfValue(j));
      const b = bytes[j];
      const last = b === CLOSE_ARRAY;
      if (!last && b !== COMMA) throw fail(j);
      if (last || j - batchStart >= batchBytes) {
        const items = parseSlice(batchStart, j, "[", "]") as unknown[];
        for (let k = 0; k < items.length; k++) out.push(items[k]);
        if (last) return [out, j + 1];
        batchStart = j + 1;
      }
      j = skipSpace(j + 1);
    }
  };
  const fail = (i: number) =>
    new ParseFailure(
      "parse",
      i,
      i >= n ? "Unexpected end of JSON input" : `Unexpected token '${String.fromCharCode(bytes[i]!)}'`,
    );

  try {
    let i = skipSpace(options.start ?? 0);
    if (bytes[i] !== OPEN_OBJECT) throw fail(i);
    const result: Record<string, unknown> = {};
    i = skipSpace(i + 1);
    if (bytes[i] === CLOSE_OBJECT) i++;
    else
      for (;;) {
        if (bytes[i] !== QUOTE) throw fail(i);
        const keyEnd = endOfString(i);
        const key = parseSlice(i, keyEnd) as string;
        i = skipSpace(keyEnd);
        if (bytes[i] !== COLON) throw fail(i);
        i = skipSpace(i + 1);
        let value: unknown;
        if (bytes[i] === OPEN_ARRAY) [value, i] = parseArray(i);
        else {
          const end = endOfValue(i);
          value = parseSlice(i, end);
          i = end;
        }
        // Same semantics as JSON.parse: a repeated key keeps the last value; "__proto__" is an own key.
        Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
        i = skipSpace(i);
        if (bytes[i] === COMMA) {
          i = skipSpace(i + 1);
          continue;
        }
        if (bytes[i] === CLOSE_OBJECT) {
          i++;
          break;
        }
        throw fail(i);
      }
    i = skipSpace(i);
    if (i < n) throw fail(i);
    return { data: result };
  } catch (e) {
    if (e instanceof ParseFailure) return { error: { kind: e.kind, offset: e.offset, message: e.message } };
    throw e;
  }
}
