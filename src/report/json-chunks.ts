/**
 * `stableJson` (JSON.stringify with a two-space indent, then a newline) as a sequence of chunks, byte for byte
 * the same text (or, with `recordsPerLine`, the same but with one compact line per element of the top-level arrays). A 10^6-node analyze result is about 400 MB of JSON, close to V8's 512 MiB string limit, and one
 * such string doubles the memory of the run. So the top-level members are written one by one, and a member
 * that is an array is written in batches of elements, each batch by one native JSON.stringify call (a generator
 * step or a stringify call per element made it four times slower than one big stringify).
 */

/** Options of `jsonChunks`. */
export interface JsonChunksOptions {
  /**
   * Write each element of a top-level array member on one line, compact (`{"id":"a","x":1}`), instead of
   * indented: the records of a large result take about 40% less space and one `grep` finds a whole record.
   */
  recordsPerLine?: boolean;
  /** Elements of an array member stringified together. */
  batch?: number;
  /** A chunk is handed out once it holds at least this many characters. */
  chunkChars?: number;
}

export const DEFAULT_JSON_CHUNKS_OPTIONS = {
  recordsPerLine: false,
  batch: 4096,
  chunkChars: 1 << 20,
} as const;

// JSON.stringify leaves out object members whose value is undefined, a function or a symbol.
function omitted(v: unknown): boolean {
  return v === undefined || typeof v === "function" || typeof v === "symbol";
}

function isContainer(v: unknown): v is object {
  return v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON !== "function";
}

/** `JSON.stringify(v, null, 2)` placed at `indent`: its own lines get that indent too. */
function nested(v: unknown, indent: string): string {
  const text = JSON.stringify(v, null, 2) ?? "null";
  return text.replaceAll("\n", `\n${indent}`);
}

/** The text of `stableJson(value)`, in chunks. */
export function* jsonChunks(value: unknown, options: JsonChunksOptions = {}): Generator<string> {
  const { recordsPerLine, batch, chunkChars } = { ...DEFAULT_JSON_CHUNKS_OPTIONS, ...options };
  if (!isContainer(value)) {
    yield `${JSON.stringify(value, null, 2) ?? "null"}\n`;
    return;
  }
  let buffer = "";
  const isArray = Array.isArray(value);
  const members: Array<[string | null, unknown]> = isArray
    ? (value as unknown[]).map((v): [null, unknown] => [null, omitted(v) ? null : v])
    : Object.entries(value).filter(([, v]) => !omitted(v));
  if (members.length === 0) {
    yield isArray ? "[]\n" : "{}\n";
    return;
  }
  buffer = isArray ? "[" : "{";
  for (let i = 0; i < members.length; i++) {
    const [key, v] = members[i]!;
    buffer += `${i === 0 ? "" : ","}\n  ${key === null ? "" : `${JSON.stringify(key)}: `}`;
    if (!Array.isArray(v) || v.length === 0) buffer += nested(v, "  ");
    else if (recordsPerLine) {
      buffer += "[";
      for (let k = 0; k < v.length; k++) {
        const x: unknown = v[k];
        buffer += `${k === 0 ? "" : ","}\n    ${JSON.stringify(omitted(x) ? null : x) ?? "null"}`;
        if (buffer.length >= chunkChars) {
          yield buffer;
          buffer = "";
        }
      }
      buffer += "\n  ]";
    } else {
      buffer += "[";
      for (let from = 0; from < v.length; from += batch) {
        // "[\n  a,\n  b\n]" without its brackets is the batch's elements at indent 2; the member sits at 2 more
        const text = JSON.stringify(v.slice(from, from + batch), null, 2);
        buffer += `${from === 0 ? "" : ","}\n  ${text.slice(2, -2).replaceAll("\n", "\n  ")}`;
        if (buffer.length >= chunkChars) {
          yield buffer;
          buffer = "";
        }
      }
      buffer += "\n  ]";
    }
    if (buffer.length >= chunkChars) {
      yield buffer;
      buffer = "";
    }
  }
  yield `${buffer}\n${isArray ? "]" : "}"}\n`;
}
