/** `chokepoint validate <file...>`: print every problem as `file: path: message`; exit 2 when any is an error. */
import { formatProblem } from "../../model/errors.js";
import { checkLargeGraphFile } from "../../io/load-graph.js";
import { checkAnyGraphFileAsync, formatOfPath } from "../../io/read-graph-file.js";
import type { Problem } from "../../model/types.js";
import type { CommandSpec } from "../_command.js";

/**
 * The problems of a file and, when valid, its size. A JSON file over 128 MiB is checked while read in chunks,
 * without building any graph (the same checks and problems; at 10^6 nodes a fraction of the time and memory).
 */
async function checkForValidate(
  file: string,
  from: string | undefined,
): Promise<{ problems: Problem[]; counts: { nodes: number; edges: number } | null }> {
  const large = (from ?? formatOfPath(file)) === "json" ? checkLargeGraphFile(file) : null;
  if (large) {
    const c = large.columns;
    return {
      problems: large.problems,
      counts: c ? { nodes: c.ids.length, edges: c.edgeSource.length } : null,
    };
  }
  const result = await checkAnyGraphFileAsync(file, from ? { from } : {});
  const g = result.graph;
  return { problems: result.problems, counts: g ? { nodes: g.order, edges: g.size } : null };
}

export const validateCommand: CommandSpec = {
  name: "validate",
  summary: "check graph files against the format; list every error and warning",
  args: [
    {
      name: "files",
      description: "graph files (JSON, or any format `convert` reads)",
      required: true,
      variadic: true,
    },
  ],
  options: [
    { flags: "--from <format>", description: "input format (default: from the extension)" },
    { flags: "--quiet", description: "print errors only, not warnings", default: false },
  ],
  examples: ["chokepoint validate graphs/rare-earths-2025.json graphs/rare-earths-2010.json"],
  async run({ args, options, io }) {
    let failed = false;
    for (const file of args) {
      const result = await checkForValidate(
        file,
        typeof options.from === "string" ? options.from : undefined,
      );
      const errors = result.problems.filter((p) => p.severity === "error");
      for (const p of result.problems) {
        if (options.quiet && p.severity === "warning") continue;
        io.stderr(`${file}: ${formatProblem(p)}\n`);
      }
      if (errors.length > 0) failed = true;
      else {
        const { nodes, edges } = result.counts!;
        const warnings = result.problems.length;
        io.stdout(
          `${file}: valid (${nodes} nodes, ${edges} edges${warnings ? `, ${warnings} warning${warnings > 1 ? "s" : ""}` : ""})\n`,
        );
      }
    }
    return failed ? 2 : 0;
  },
};
