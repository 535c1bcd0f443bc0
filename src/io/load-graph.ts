/**
 * Read a graph file from disk. Formats other than our JSON (CSV, GEXF, GraphML) are dispatched by
 * `readers.ts` once the interop layer registers them; this module handles the JSON format and the size guard.
 */
import { statSync } from "node:fs";
import { GraphFileError } from "../model/errors.js";
import type { GraphCheckResult, GraphPartsCheckResult } from "../model/graph-checks.js";
import type { Problem, SupplyGraph } from "../model/types.js";
import { checkGraphFileColumns, type GraphColumnsCheckResult } from "./_stream-graph.js";
import { readBounded } from "./read-bounded.js";
import {
  checkGraphBytes,
  checkGraphBytesParts,
  graphOrThrow,
  LARGE_GRAPH_BYTES,
  type ParseGraphOptions,
} from "./parse-graph.js";

/** Options of `loadGraph`. */
export interface LoadGraphOptions extends ParseGraphOptions {
  /**
   * Refuse files larger than this before reading them (default 2 GiB − 1, the most `readFileSync` reads; files
   * over 128 MiB are parsed in batches, so V8's 512 MiB string limit does not apply).
   */
  maxBytes?: number;
  /** JSON files above this size are checked while read in chunks by `readGraphTable` (default 128 MiB). */
  streamAboveBytes?: number;
  /** Bytes of elements per `JSON.parse` call when a large file is parsed in batches. */
  batchBytes?: number;
  /** Bytes of elements per `JSON.parse` call while a large file is streamed (see `LargeGraphScanOptions`). */
  streamBatchBytes?: number;
  /** Size of the reused read buffer of a streamed load. */
  chunkBytes?: number;
}

export const DEFAULT_LOAD_GRAPH_OPTIONS: Required<Pick<LoadGraphOptions, "maxBytes">> = {
  maxBytes: 2 ** 31 - 1,
};

/** A graph file's size after the size guard, or the problem that stops it. */
function sizeOfGraphFile(path: string, options: LoadGraphOptions): { size: number } | { problem: Problem } {
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
  return { size };
}

/**
 * Read a graph file's bytes after the size guard, or the problem that stops it. Pipes, FIFOs and devices are
 * read bounded, once (`read-bounded.ts`).
 */
function readGraphBytes(path: string, options: LoadGraphOptions): { bytes: Buffer } | { problem: Problem } {
  const sized = sizeOfGraphFile(path, options);
  if ("problem" in sized) return sized;
  const read = readBounded(path, { maxBytes: options.maxBytes ?? DEFAULT_LOAD_GRAPH_OPTIONS.maxBytes });
  if ("failure" in read) {
    const { code, message, hint } = read.failure;
    return { problem: { severity: "error", code, path: "", message, ...(hint ? { hint } : {}) } };
  }
  return read;
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
 * Check a JSON graph file above `streamAboveBytes` while reading it in chunks, into the columns of its integer
 * view (`_stream-graph.ts`); null for a smaller file or one the size guard stops (use `checkGraphFileParts`).
 */
export function checkLargeGraphFile(
  path: string,
  options: LoadGraphOptions = {},
): GraphColumnsCheckResult | null {
  const sized = sizeOfGraphFile(path, options);
  if ("problem" in sized || sized.size <= (options.streamAboveBytes ?? LARGE_GRAPH_BYTES)) return null;
  return checkGraphFileColumns(path, { file: path, ...options });
}

/**
 * Load and validate a graph file.
 * @throws GraphFileError listing every problem, each with the file, JSON path, node or edge id and a hint.
 */
export function loadGraph(path: string, options: LoadGraphOptions = {}): SupplyGraph {
  return graphOrThrow(checkGraphFile(path, options), path);
}

export { GraphFileError };
