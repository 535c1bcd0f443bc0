/** Read a file of any text format with the same size guard and UTF-8 checks as `loadGraph`. */
import { statSync } from "node:fs";
import type { Problem } from "../../model/types.js";
import { decodeGraphBytes } from "../_decode.js";
import { readBounded } from "../read-bounded.js";
import { DEFAULT_LOAD_GRAPH_OPTIONS, type LoadGraphOptions } from "../load-graph.js";

/** The text of `path` (UTF-8, byte-order mark removed), or the problem that prevents reading it. */
export function readTextFile(
  path: string,
  options: LoadGraphOptions = {},
): { text: string } | { problem: Problem } {
  const maxBytes = options.maxBytes ?? DEFAULT_LOAD_GRAPH_OPTIONS.maxBytes;
  const fail = (code: string, message: string, hint?: string) => ({
    problem: { severity: "error" as const, code, path: "", message, ...(hint ? { hint } : {}) },
  });
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return fail("E_IO", `${path} is a directory, not a file`);
    size = st.size;
  } catch (e) {
    return fail("E_IO", `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  if (size > maxBytes) {
    return fail(
      "E_TOO_LARGE",
      `${path} is ${size} bytes, over the limit of ${maxBytes}`,
      "raise --max-bytes",
    );
  }
  const read = readBounded(path, { maxBytes });
  if ("failure" in read)
    return fail(read.failure.code, `${path}: ${read.failure.message}`, read.failure.hint);
  const decoded = decodeGraphBytes(read.bytes);
  if ("problem" in decoded)
    return { problem: { ...decoded.problem, message: `${path}: ${decoded.problem.message}` } };
  return decoded;
}
