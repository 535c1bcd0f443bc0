/**
 * The data files that ship with chokepoint (`graphs/`), found relative to this module (src/ or dist/src/), so a
 * script reaches them by name wherever the package is installed: `loadBundledGraph("rare-earths-2025")`.
 */
import { existsSync, readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { UsageError } from "../model/errors.js";
import type { SupplyGraph } from "../model/types.js";
import { type LoadGraphOptions, loadGraph } from "./load-graph.js";

/** The package root: the nearest folder above this module that holds `graphs/`. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, "graphs")) && existsSync(join(dir, "package.json"))) return dir;
    dir = dirname(dir);
  }
  throw new Error("cannot find chokepoint's package root (graphs/ folder)");
}

/** Names of the bundled graphs (the files `graphs/*.json`), sorted: `["rare-earths-2010", "rare-earths-2025"]`. */
export function bundledGraphNames(): string[] {
  return readdirSync(join(packageRoot(), "graphs"))
    .filter((f) => f.endsWith(".json"))
    .map((f) => basename(f, ".json"))
    .sort();
}

/**
 * Path of a bundled graph, by name (`"rare-earths-2025"`, see `bundledGraphNames`) or by the year of a
 * rare-earth graph (`2025` = `"rare-earths-2025"`). Default: the 2025 graph.
 * @throws UsageError `E_GRAPH_UNKNOWN` when no bundled graph has that name (the hint lists them)
 */
export function bundledGraphPath(name: string | number = "rare-earths-2025"): string {
  const file = typeof name === "number" ? `rare-earths-${name}` : name;
  const names = bundledGraphNames();
  if (!names.includes(file))
    throw new UsageError(`no bundled graph "${file}"`, `bundled: ${names.join(", ")}`, "E_GRAPH_UNKNOWN");
  return join(packageRoot(), "graphs", `${file}.json`);
}

/**
 * Load a bundled graph by name or year (see `bundledGraphPath`), checked as `loadGraph` checks any file.
 * @throws UsageError `E_GRAPH_UNKNOWN`; GraphFileError as `loadGraph`
 * @example
 * ```ts
 * const graph = loadBundledGraph("rare-earths-2010");
 * console.log(graph.order, "nodes,", graph.size, "edges");
 * ```
 */
export function loadBundledGraph(
  name: string | number = "rare-earths-2025",
  options: LoadGraphOptions = {},
): SupplyGraph {
  return loadGraph(bundledGraphPath(name), options);
}

/** The default graph of every command. */
export const DEFAULT_GRAPH = "graphs/rare-earths-2025.json";

/** Resolve a graph argument: the default name maps to the bundled file wherever the CLI is run from. */
export function resolveGraphPath(path: string | undefined): string {
  if (path === undefined || (path === DEFAULT_GRAPH && !existsSync(path))) return bundledGraphPath();
  return path;
}
