/** Paths of the data files that ship with chokepoint, found relative to this module (src/ or dist/src/). */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The package root: the nearest folder above this module that holds `graphs/`. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, "graphs")) && existsSync(join(dir, "package.json"))) return dir;
    dir = dirname(dir);
  }
  throw new Error("cannot find chokepoint's package root (graphs/ folder)");
}

/** The bundled graph for a year, e.g. `bundledGraphPath(2025)`. */
export function bundledGraphPath(year: 2010 | 2025 = 2025): string {
  return join(packageRoot(), "graphs", `rare-earths-${year}.json`);
}

/** The default graph of every command. */
export const DEFAULT_GRAPH = "graphs/rare-earths-2025.json";

/** Resolve a graph argument: the default name maps to the bundled file wherever the CLI is run from. */
export function resolveGraphPath(path: string | undefined): string {
  if (path === undefined || (path === DEFAULT_GRAPH && !existsSync(path))) return bundledGraphPath(2025);
  return path;
}
