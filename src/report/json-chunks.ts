/**
 * `stableJson` (JSON.stringify with a two-space indent, then a newline) as a sequence of chunks, byte for byte
 * the same text. A 10^6-node analyze result is about 400 MB of JSON, close to V8's 512 MiB string limit, and one
 * such string doubles the memory of the run: the top levels are written piece by piece instead, and only the
 * small values below `streamDepth` go through JSON.stringify.
 */

/** Options of `jsonChunks`. */
export interface JsonChunksOptions {
  /** Objects and arrays down to this depth are written piece by piece (0 = the top-level value). */
  streamDepth?: number;
  /** A chunk is handed out once it holds at least this many characters. */
  chunkChars?: number;
}

export const DEFAULT_JSON_CHUNKS_OPTIONS = { streamDepth: 2, chunkChars: 1 << 20 } as const;

// JSON.stringify leaves out object members whose value is undefined, a function or a symbol.
function omitted(v: unknown): boolean {
  return v === undefined || typeof v === "function" || typeof v === "symbol";
}

/** The text of `stableJson(value)`, in chunks. */
export function* jsonChunks(value: unknown, options: JsonChunksOptions = {}): Generator<string> {
  const { streamDepth, chunkChars } = { ...DEFAULT_JSON_CHUNKS_OPTIONS, ...options };
  let buffer = "";
  function* put(text: string): Generator<string> {
    buffer += text;
    if (buffer.length >= chunkChars) {
      yield buffer;
      buffer = "";
    }
  }
  function* write(v: unknown, indent: string, depth: number): Generator<string> {
    const streamable =
      depth <= streamDepth &&
      v !== null &&
      typeof v === "object" &&
      typeof (v as { toJSON?: unknown }).toJSON !== "function";
    if (!streamable) {
      // a nested value's own lines get the indent of where it sits
      const text = JSON.stringify(v, null, 2) ?? "null";
      yield* put(indent === "" ? text : text.replaceAll("\n", `\n${indent}`));
      return;
    }
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
      if (v.length === 0) return yield* put("[]");
      yield* put("[");
      for (let i = 0; i < v.length; i++) {
        yield* put(i === 0 ? `\n${inner}` : `,\n${inner}`);
        yield* write(omitted(v[i]) ? null : v[i], inner, depth + 1);
      }
      return yield* put(`\n${indent}]`);
    }
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => !omitted(x));
    if (entries.length === 0) return yield* put("{}");
    yield* put("{");
    let first = true;
    for (const [key, x] of entries) {
      yield* put(`${first ? "" : ","}\n${inner}${JSON.stringify(key)}: `);
      first = false;
      yield* write(x, inner, depth + 1);
    }
    yield* put(`\n${indent}}`);
  }
  yield* write(value, "", 0);
  buffer += "\n";
  yield buffer;
}
