/**
 * Read a graph in any supported format. The format comes from `from` or the file extension; readers for
 * formats other than our JSON register themselves here, so every command accepts every format.
 */
import { existsSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { UsageError } from "../model/errors.js";
import type { GraphCheckResult } from "../model/graph-checks.js";
import type { SupplyGraph } from "../model/types.js";
import { type CsvReadOptions, checkCsvFile } from "./formats/csv-files.js";
import { checkGexfFile } from "./formats/gexf.js";
import { checkGraphmlFile } from "./formats/graphml.js";
import { checkParquetFile } from "./formats/parquet-files.js";
import { checkGraphFile, type LoadGraphOptions } from "./load-graph.js";
import { graphOrThrow } from "./parse-graph.js";

/** A reader checks a file of its format and builds the graph; it never throws on bad data. */
export type GraphReader = (path: string, options: LoadGraphOptions) => GraphCheckResult;

const readers = new Map<string, GraphReader>([
  ["json", checkGraphFile],
  ["csv", (path, options) => checkCsvFile(path, options as CsvReadOptions)],
  ["gexf", checkGexfFile],
  ["graphml", checkGraphmlFile],
  [
    "parquet",
    (path) => {
      throw new UsageError(
        `${path}: Parquet files are read asynchronously`,
        "use readGraphFileAsync, checkAnyGraphFileAsync or readGraphTableAsync",
        "E_FORMAT",
      );
    },
  ],
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

/** The format of a path from its extension (`.json` → json); a folder holds CSV tables, or Parquet tables. */
export function formatOfPath(path: string): string {
  let isFolder = false;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    // a path that does not exist yet (an output) has only its extension to go by
  }
  if (isFolder)
    return existsSync(join(path, "nodes.parquet")) && !existsSync(join(path, "nodes.csv"))
      ? "parquet"
      : "csv";
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

/**
 * `checkAnyGraphFile` for every format, Parquet included (its reader is asynchronous).
 * @throws UsageError for an unknown format.
 */
export async function checkAnyGraphFileAsync(
  path: string,
  options: ReadGraphOptions = {},
): Promise<GraphCheckResult> {
  const format = options.from ?? formatOfPath(path);
  if (format === "parquet") return checkParquetFile(path, options);
  return checkAnyGraphFile(path, options);
}

/**
 * `readGraphFile` for every format, Parquet included.
 * @throws GraphFileError listing every problem; UsageError for an unknown format.
 */
export async function readGraphFileAsync(path: string, options: ReadGraphOptions = {}): Promise<SupplyGraph> {
  return graphOrThrow(await checkAnyGraphFileAsync(path, options), path);
}
