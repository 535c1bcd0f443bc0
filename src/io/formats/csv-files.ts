/**
 * CSV graphs on disk: where the tables of a CSV graph are (a folder, or a `*nodes.csv` / `*edges.csv` pair) and
 * reading them. The parsing itself (`csv.ts`) works on text, so the viewer can use it too.
 */
import { existsSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { GraphCheckResult } from "../../model/graph-checks.js";
import type { Problem } from "../../model/types.js";
import type { LoadGraphOptions } from "../load-graph.js";
import { type CsvText, checkCsvTables, csvProblem } from "./csv.js";
import { readTextFile } from "./_read.js";

/** Paths of the tables of a CSV graph. */
export interface CsvPaths {
  nodes: string;
  edges: string;
  graph?: string;
}

/** Options of the CSV reader: explicit table paths win over the folder layout. */
export interface CsvReadOptions extends LoadGraphOptions {
  nodes?: string;
  edges?: string;
  graph?: string;
}

/**
 * The tables of a CSV graph at `path`: a folder holding `nodes.csv` and `edges.csv` (and maybe `graph.csv`),
 * or one of those files with its siblings (`my-nodes.csv` pairs with `my-edges.csv`). Explicit paths win.
 */
export function csvPathsOf(path: string, options: CsvReadOptions = {}): CsvPaths | Problem {
  let nodes = options.nodes;
  let edges = options.edges;
  let graph = options.graph;
  if (!nodes || !edges) {
    let dir = path;
    let stem = "";
    if (!(existsSync(path) && statSync(path).isDirectory())) {
      dir = dirname(path);
      const m = /^(.*)(nodes|edges|graph)(\.csv)$/i.exec(basename(path));
      if (!m) {
        return csvProblem(
          "E_USAGE",
          "",
          `${path}: a CSV graph is a folder holding nodes.csv and edges.csv, or a *nodes.csv / *edges.csv pair`,
          "or give --nodes and --edges",
        );
      }
      stem = m[1]!;
    }
    nodes ??= join(dir, `${stem}nodes.csv`);
    edges ??= join(dir, `${stem}edges.csv`);
    const g = join(dir, `${stem}graph.csv`);
    if (graph === undefined && existsSync(g)) graph = g;
  }
  return { nodes, edges, ...(graph ? { graph } : {}) };
}

/** Read and check a CSV graph (see `csvPathsOf`); never throws on bad data. */
export function checkCsvFile(path: string, options: CsvReadOptions = {}): GraphCheckResult {
  const paths = csvPathsOf(path, options);
  if ("code" in paths) return { graph: null, problems: [paths] };
  const texts: Partial<Record<keyof CsvPaths, CsvText>> = {};
  const problems: Problem[] = [];
  for (const part of ["nodes", "edges", "graph"] as const) {
    const file = paths[part];
    if (file === undefined) continue;
    const read = readTextFile(file, options);
    if ("problem" in read) problems.push(read.problem);
    else texts[part] = { text: read.text, name: basename(file) };
  }
  if (problems.length > 0) return { graph: null, problems };
  return checkCsvTables(
    { nodes: texts.nodes!, edges: texts.edges!, ...(texts.graph ? { graph: texts.graph } : {}) },
    options,
  );
}
