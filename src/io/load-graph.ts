/**
 * Read a graph file from disk. Formats other than our JSON (CSV, GEXF, GraphML) are dispatched by
 * `readers.ts` once the interop layer registers them; this module handles the JSON format and the size guard.
 */
import { readFileSync, statSync } from "node:fs";
import { GraphFileError } from "../model/errors.js";
import type { GraphCheckResult, GraphPartsCheckResult } from "../model/graph-checks.js";
import type { Problem, SupplyGraph } from "../model/types.js";
import { checkGraphBytes, checkGraphBytesParts, graphOrThrow, type ParseGraphOptions } from "./parse-graph.js";

/** Options of `loadGraph`. */
export interface LoadGraphOptions extends ParseGraphOptions {
  /**
   * Refuse files larger than this before reading them (default 2 GiB − 1, the most `readFileSync` reads; files
   * over 128 MiB are parsed in batches, so V8's 512 MiB string limit does not apply).
   */
  maxBytes?: number;
}

export const DEFAULT_LOAD_GRAPH_OPTIONS: Required<Pick<LoadGraphOptions, "maxBytes">> = {
  maxBytes: 2 ** 31 - 1,
};

/** Read a graph file's bytes after the size guard, or the problem that stops it. */
function readGraphBytes(path: string, options: LoadGraphOptions): { bytes: Buffer } | { problem: Problem } {
  const opts = { ...DEFAULT_LOAD_GRAPH_OPTIONS, ...options };
  const fail = (code: string, message: string, hint?: string) => ({
    problem: { severity: "error", code, path: "", message, ...(hint ? { hint } : {}) } as Problem,
  });
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return fail("E_IO", "is a directory, not a graph file");
    size = st.size;
  } catch (e) {
    return fail("E_IO", `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  if (size > opts.maxBytes) {
    return fail(
      "E_TOO_LARGE",
      `the file is ${size} bytes, over the limit of ${opts.maxBytes}`,
      "raise --max-bytes",
    );
  }
  return { bytes: readFileSync(path) };
}

/** Read and check a graph file; never throws on bad data (I/O problems become problems too). */
export function checkGraphFile(path: string, options: LoadGraphOptions = {}): GraphCheckResult {
  const read = readGraphBytes(path, options);
  if ("problem" in read) return { graph: null, problems: [read.problem] };
  return checkGraphBytes(read.bytes, { file: path, ...options });
}

/** `checkGraphFile` up to the checked parts (for the integer view of a large file, see `read-graph-table.ts`). */
export function checkGraphFileParts(path: string, options: LoadGraphOptions = {}): GraphPartsCheckResult {
  const read = readGraphBytes(path, options);
  if ("problem" in read) return { parts: null, problems: [read.problem] };
  return checkGraphBytesParts(read.bytes, { file: path, ...options });
}

/**
 * Load and validate a graph file.
 * @throws GraphFileError listing every problem, each with the file, JSON path, node or edge id and a hint.
 */
export function loadGraph(path: string, options: LoadGraphOptions = {}): SupplyGraph {
  return graphOrThrow(checkGraphFile(path, options), path);
}

export { GraphFileError };
