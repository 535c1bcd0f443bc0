/**
 * The files a command reads and writes, from its arguments and options, so `main.ts` can refuse an output that
 * is one of the inputs or another output before anything runs (`checkDistinctPaths`). Outputs are `--out`,
 * `--export` and arguments declared `output: true`; inputs are the other arguments and every option value
 * (or comma-separated part of one) that names an existing file, such as a `--scenario` or `--levers` path.
 */
import { existsSync, statSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { resolveGraphPath } from "../io/bundled.js";
import type { CommandSpec } from "./_command.js";

/** Options whose value is a file the command writes. */
export const OUTPUT_OPTIONS: readonly string[] = ["out", "export"];

const CSV_TABLES = ["nodes.csv", "edges.csv", "graph.csv"];

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A CSV folder stands for the tables in it, `x-nodes.csv` for its siblings (what `convert` reads and writes). */
function expand(path: string, output: boolean): string[] {
  const tables = /^(.*)nodes\.csv$/i.exec(basename(path));
  if (tables) return CSV_TABLES.map((t) => join(dirname(path), `${tables[1]}${t}`));
  if (isDirectory(path) || (output && extname(path) === "")) return CSV_TABLES.map((t) => join(path, t));
  return [path];
}

/** The inputs and outputs of one command line. */
export function commandPaths(
  spec: CommandSpec,
  args: readonly string[],
  options: Record<string, unknown>,
): { inputs: string[]; outputs: string[] } {
  const outputs: string[] = [];
  const inputs: string[] = [];
  const specs = spec.args ?? [];
  // Fewer arguments than declared ones (`convert --nodes n.csv --edges e.csv out.json`): they are the last ones.
  const shift = specs.some((s) => s.output) ? Math.max(0, specs.length - args.length) : 0;
  args.forEach((arg, i) => {
    const s = specs[Math.min(i + shift, specs.length - 1)];
    if (s?.output) outputs.push(...expand(arg, true));
    else {
      const path = resolveGraphPath(arg);
      if (existsSync(path)) inputs.push(...expand(path, false));
    }
  });
  for (const [name, value] of Object.entries(options)) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (typeof v !== "string") continue;
      if (OUTPUT_OPTIONS.includes(name)) outputs.push(...expand(v, extname(v) === ""));
      else
        for (const part of v.split(","))
          if (part !== "" && existsSync(part)) inputs.push(...expand(part, false));
    }
  }
  return { inputs, outputs };
}
