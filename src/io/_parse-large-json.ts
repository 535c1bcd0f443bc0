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
 *
 * The bytes come through a window (`_json-chunks.ts`), so a file on disk is read in chunks into one reused
 * buffer, and `scanLargeJson` hands the elements of chosen array members over batch by batch instead of
 * collecting them: the graph loader checks each batch and keeps only what it needs.
 */
import { firstInvalidUtf8 } from "./_decode.js";
import { ByteWindow, type ByteSource, bytesSource } from "./_json-chunks.js";

/** What went wrong, with the byte offset in the file. */
export interface LargeJsonError {
  kind: "parse" | "encoding";
  offset: number;
  message: string;
}

/** Receives the members of the top-level object, in file order. */
export interface MemberHandler {
  /** A member's value starts; return true to get an array value in batches (`items`) instead of whole. */
  begin(name: string, isArray: boolean): boolean;
  /** A batch of elements of a streamed array; `first` is the index of `items[0]` in the array. */
  items(name: string, items: unknown[], first: number): void;
  /** A member's value ended; `value` is undefined for a streamed array. */
  end(name: string, value: unknown): void;
}

export interface LargeJsonOptions {
  /** Offset of the first byte to read (skips a byte-order mark). */
  start?: number;
  /** Bytes of elements per `JSON.parse` call. */
  batchBytes?: number;
  /** Size of the reused read buffer when the source is not in memory (it grows for a larger element). */
  chunkBytes?: number;
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
 * Scan JSON whose top level is an object, handing its members to `handler` (see `MemberHandler`). Returns
 * null, or the first syntax or encoding error with its file offset; errors thrown by the handler propagate.
 */
export function scanLargeJson(
  source: ByteSource,
  handler: MemberHandler,
  options: LargeJsonOptions = {},
): LargeJsonError | null {
  const chunkBytes = options.chunkBytes ?? 32 << 20;
  const w = new ByteWindow(source, chunkBytes);
  // A batch stays pinned in the window until parsed; a batch longer than half a chunk makes the window grow.
  const batchBytes = Math.max(1, options.batchBytes ?? 8 << 20);
  const decoder = new TextDecoder("utf-8", { fatal: true });

  const decode = (from: number, to: number): string => {
    const slice = w.view(from, to);
    let text: string | null = null;
    if (source.decode) text = source.decode(slice);
    else
      try {
        text = decoder.decode(slice);
      } catch {
        text = null;
      }
    if (text === null)
      throw new ParseFailure("encoding", from + Math.max(0, firstInvalidUtf8(slice)), "invalid UTF-8");
    return text;
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
    while (isSpace(w.byte(i))) i++;
    return i;
  };
  /** Index just past the string starting at `i` (a quote). */
  const endOfString = (i: number): number => {
    let j = i + 1;
    for (;;) {
      const q = w.indexOf(QUOTE, j);
      if (q < 0) throw new ParseFailure("parse", w.size, "Unterminated string");
      let k = q - 1;
      while (w.byte(k) === BACKSLASH) k--;
      if ((q - 1 - k) % 2 === 0) return q + 1;
      j = q + 1;
    }
  };
  /** Index just past the value starting at `i` (any JSON value; nested brackets balanced, strings skipped). */
  const endOfValue = (i: number): number => {
    let depth = 0;
    let j = i;
    for (;;) {
      let k = j - w.base;
      if (k >= w.len) {
        if (!w.fill(j)) break;
        k = j - w.base;
      }
      const b = w.buf[k]!;
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
    if (depth > 0) throw new ParseFailure("parse", w.size, "Unexpected end of JSON input");
    return j;
  };
  /**
   * The array starting at `i`, parsed in batches of whole elements: handed to `handler.items` when `name` is
   * given, else returned. Also returns the index past the array.
   */
  const parseArray = (i: number, name: string | null): [unknown[] | undefined, number] => {
    const out: unknown[] | undefined = name === null ? [] : undefined;
    let count = 0;
    let j = skipSpace(i + 1);
    if (w.byte(j) === CLOSE_ARRAY) return [out, j + 1];
    let batchStart = j;
    w.pin = batchStart;
    for (;;) {
      j = skipSpace(endOfValue(j));
      const b = w.byte(j);
      const last = b === CLOSE_ARRAY;
      if (!last && b !== COMMA) throw fail(j);
      if (last || j - batchStart >= batchBytes) {
        const items = parseSlice(batchStart, j, "[", "]") as unknown[];
        if (out) for (let k = 0; k < items.length; k++) out.push(items[k]);
        else handler.items(name!, items, count);
        count += items.length;
        if (last) return [out, j + 1];
        batchStart = j + 1;
        w.pin = batchStart;
      }
      j = skipSpace(j + 1);
    }
  };
  const fail = (i: number) => {
    const b = w.byte(i);
    return new ParseFailure(
      "parse",
      i,
      b < 0 ? "Unexpected end of JSON input" : `Unexpected token '${String.fromCharCode(b)}'`,
    );
  };

  try {
    let i = skipSpace(options.start ?? 0);
    if (w.byte(i) !== OPEN_OBJECT) throw fail(i);
    i = skipSpace(i + 1);
    if (w.byte(i) === CLOSE_OBJECT) i++;
    else
      for (;;) {
        w.pin = i;
        if (w.byte(i) !== QUOTE) throw fail(i);
        const keyEnd = endOfString(i);
        const key = parseSlice(i, keyEnd) as string;
        i = skipSpace(keyEnd);
        if (w.byte(i) !== COLON) throw fail(i);
        i = skipSpace(i + 1);
        w.pin = i;
        let value: unknown;
        const isArray = w.byte(i) === OPEN_ARRAY;
        const streamed = handler.begin(key, isArray) && isArray;
        if (isArray) [value, i] = parseArray(i, streamed ? key : null);
        else {
          const end = endOfValue(i);
          value = parseSlice(i, end);
          i = end;
        }
        handler.end(key, value);
        i = skipSpace(i);
        if (w.byte(i) === COMMA) {
          i = skipSpace(i + 1);
          continue;
        }
        if (w.byte(i) === CLOSE_OBJECT) {
          i++;
          break;
        }
        throw fail(i);
      }
    i = skipSpace(i);
    if (w.byte(i) >= 0) throw fail(i);
    return null;
  } catch (e) {
    if (e instanceof ParseFailure) return { kind: e.kind, offset: e.offset, message: e.message };
    throw e;
  }
}

/** A handler that builds the top-level object as `JSON.parse` would (`data` is filled by the scan). */
export function collectMembers(): { data: Record<string, unknown>; handler: MemberHandler } {
  const data: Record<string, unknown> = {};
  const handler: MemberHandler = {
    begin: () => false,
    items: () => {},
    // Same semantics as JSON.parse: a repeated key keeps the last value; "__proto__" is an own key.
    end: (key, value) =>
      Object.defineProperty(data, key, { value, enumerable: true, writable: true, configurable: true }),
  };
  return { data, handler };
}

/**
 * Parse JSON bytes whose top level is an object, batching the elements of its array members. Returns the
 * value `JSON.parse` would, or the first error with its file offset.
 */
export function parseLargeJson(
  input: Uint8Array | ByteSource,
  options: LargeJsonOptions = {},
): { data: unknown } | { error: LargeJsonError } {
  const { data, handler } = collectMembers();
  const error = scanLargeJson(input instanceof Uint8Array ? bytesSource(input) : input, handler, options);
  return error ? { error } : { data };
}
