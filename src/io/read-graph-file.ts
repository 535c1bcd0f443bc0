/**
 * Read a graph in any supported format. The format comes from `from` or the file extension; readers for
 * formats other than our JSON register themselves here, so every command accepts every format.
 */
import { statSync } from "node:fs";
import { extname } from "node:path";
import { UsageError } from "../model/errors.js";
import type { GraphCheckResult } from "../model/graph-checks.js";
import type { SupplyGraph } from "../model/types.js";
import { type CsvReadOptions, checkCsvFile } from "./formats/csv-files.js";
import { checkGexfFile } from "./formats/gexf.js";
import { checkGraphmlFile } from "./formats/graphml.js";
import { checkGraphFile, type LoadGraphOptions } from "./load-graph.js";
import { graphOrThrow } from "./parse-graph.js";

/** A reader checks a file of its format and builds the graph; it never throws on bad data. */
export type GraphReader = (path: string, options: LoadGraphOptions) => GraphCheckResult;

const readers = new Map<string, GraphReader>([
  ["json", checkGraphFile],
  ["csv", (path, options) => checkCsvFile(path, options as CsvReadOptions)],
  ["gexf", checkGexfFile],
  ["graphml", checkGraphmlFile],
]);

/** Register a reader for a format name (also used as the file extension). */
export function registerGraphReader(format: string, reader: GraphReader): void {
  readers.set(format, reader);
}

/** Formats that can be read. */
export function readableFormats(): string[] {
  return [...readers.keys()].sort();
}

export interface ReadGraphOptions extends LoadGraphOptions {
  /** Format name; default from the extension, JSON when there is none. */
  from?: string;
}

/** The format of a path from its extension (`.json` → json); a folder holds CSV tables. */
export function formatOfPath(path: string): string {
  let isFolder = false;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    // a path that does not exist yet (an output) has only its extension to go by
  }
  if (isFolder) return "csv";
  const ext = extname(path).slice(1).toLowerCase();
  return ext === "" ? "json" : ext;
}

/** Check a graph file in any registered format. */
export function checkAnyGraphFile(path: string, options: ReadGraphOptions = {}): GraphCheckResult {
  const format = options.from ?? formatOfPath(path);
  const reader = readers.get(format);
  if (!reader) {
    throw new UsageError(
      `${path}: unknown graph format "${format}"`,
      `use one of ${readableFormats().join(", ")} (or --from)`,
      "E_FORMAT",
    );
  }
  return reader(path, options);
}

/**
 * Read and validate a graph in any supported format.
 * @throws GraphFileError listing every problem; UsageError for an unknown format.
 */
export function readGraphFile(path: string, options: ReadGraphOptions = {}): SupplyGraph {
  return graphOrThrow(checkAnyGraphFile(path, options), path);
}
