/**
 * Write a graph in any supported format: our JSON, CSV tables, GEXF or GraphML. Everything is serialised
 * first and written afterwards, each file atomically (`writeFileAtomic`), so an unwritable value (a non-finite
 * number) fails before any file is touched.
 */
import { existsSync, mkdirSync, statSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { OutputError, UsageError } from "../model/errors.js";
import type { SupplyGraph } from "../model/types.js";
import { UnwritableValueError, type WriteNotes } from "./formats/_encode.js";
import { writeCsv } from "./formats/csv-write.js";
import { writeGexf } from "./formats/gexf.js";
import { writeGraphml } from "./formats/graphml.js";
import { writeParquet } from "./formats/parquet-write.js";
import { checkOutputPath, writeFileAtomic } from "./write-atomic.js";

/** Formats `writeGraphFile` writes. */
/** A format `writeGraphFile` writes. */
export type WritableFormat = "json" | "csv" | "gexf" | "graphml" | "parquet";
export const WRITABLE_FORMATS: readonly WritableFormat[] = ["json", "csv", "gexf", "graphml", "parquet"];

/** Options of `writeGraphFile`. */
export interface WriteGraphFileOptions {
  /** Output format; default from the extension (a path without one, or a folder, is CSV). */
  to?: WritableFormat;
}

/** What was written, and what had to change on the way (for the caller to print). */
export interface WriteGraphFileResult {
  files: string[];
  notes: string[];
}

/** Our JSON graph file: graphology's serialisation, edge keys only where they are not `source->target`. */
export function serializeGraphJson(graph: SupplyGraph): string {
  const data = graph.export();
  const edges = (data.edges ?? []).map((e) => {
    const { key, undirected: _undirected, ...rest } = e;
    return key === `${e.source}->${e.target}` ? rest : { key, ...rest };
  });
  const file = { attributes: data.attributes, options: data.options, nodes: data.nodes, edges };
  return `${JSON.stringify(
    file,
    (key, value) => {
      if (typeof value === "number" && !Number.isFinite(value))
        throw new UnwritableValueError("the graph", key, value);
      return value;
    },
    2,
  )}\n`;
}

/** The output format of a path from its extension; a folder or a path without extension is CSV. */
export function formatOfOutput(path: string): WritableFormat {
  if (existsSync(path) && statSync(path).isDirectory()) return "csv";
  const ext = extname(path).slice(1).toLowerCase();
  if (ext === "") return "csv";
  if ((WRITABLE_FORMATS as readonly string[]).includes(ext)) return ext as WritableFormat;
  throw new UsageError(
    `${path}: cannot tell the output format from ".${ext}"`,
    `use --to ${WRITABLE_FORMATS.join("|")}`,
    "E_FORMAT",
  );
}

/** Where the three tables go: into folder `path`, or beside `path` when it names `*nodes.<ext>`. */
function tableTargets(path: string, ext: "csv" | "parquet"): { dir: string; stem: string } {
  const m = new RegExp(`^(.*)nodes\\.${ext}$`, "i").exec(basename(path));
  if (m) return { dir: dirname(path), stem: m[1]! };
  if (extname(path) !== "") {
    throw new UsageError(
      `${path}: ${ext === "csv" ? "CSV" : "Parquet"} output is a folder (nodes.${ext}, edges.${ext}, graph.${ext}) or a path ending in nodes.${ext}`,
      "give a folder name",
      "E_USAGE",
    );
  }
  return { dir: path, stem: "" };
}

/**
 * Write `graph` to `path` in format `to` (default from the extension: `.json`, `.gexf`, `.graphml`; a folder or
 * a path without extension is CSV tables), atomically.
 * @throws UsageError (unknown format), UnwritableValueError (E_VALUE: a non-finite number, nothing written),
 *   OutputError (E_OUTPUT, E_OUTPUT_IS_DIR: the path cannot be written; old files untouched).
 * @example
 * ```ts
 * const { files } = writeGraphFile(loadBundledGraph(), "rare-earths.graphml");
 * console.log(files);
 * ```
 */
export function writeGraphFile(
  graph: SupplyGraph,
  path: string,
  options: WriteGraphFileOptions = {},
): WriteGraphFileResult {
  const to = options.to ?? formatOfOutput(path);
  const notes: WriteNotes = { removedCharacters: 0 };
  let outputs: Array<[string, string | Uint8Array]>;
  if (to === "csv" || to === "parquet") {
    const { dir, stem } = tableTargets(path, to);
    const tables = to === "csv" ? writeCsv(graph) : writeParquet(graph);
    if (!existsSync(dir)) {
      if (!existsSync(dirname(dir)))
        throw new OutputError("E_OUTPUT", dir, "its folder does not exist", "create the folder first");
      mkdirSync(dir);
    } else if (!statSync(dir).isDirectory()) {
      throw new OutputError("E_OUTPUT", dir, "is a file; table output is a folder", "give a folder name");
    }
    outputs = (["nodes", "edges", "graph"] as const).map((t) => [join(dir, `${stem}${t}.${to}`), tables[t]]);
  } else {
    checkOutputPath(path);
    const text =
      to === "json"
        ? serializeGraphJson(graph)
        : to === "gexf"
          ? writeGexf(graph, notes)
          : writeGraphml(graph, notes);
    outputs = [[path, text]];
  }
  for (const [file, text] of outputs) writeFileAtomic(file, text);
  const messages: string[] = [];
  if (notes.removedCharacters > 0)
    messages.push(`${notes.removedCharacters} control character(s) removed from text: XML cannot hold them`);
  return { files: outputs.map(([f]) => f), notes: messages };
}
