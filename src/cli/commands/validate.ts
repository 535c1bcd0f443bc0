/** `chokepoint validate <file...>`: print every problem as `file: path: message`; exit 2 when any is an error. */
import { formatProblem } from "../../model/errors.js";
import { checkAnyGraphFile } from "../../io/read-graph-file.js";
import type { CommandSpec } from "../_command.js";

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
      const result = checkAnyGraphFile(file, typeof options.from === "string" ? { from: options.from } : {});
      const errors = result.problems.filter((p) => p.severity === "error");
      for (const p of result.problems) {
        if (options.quiet && p.severity === "warning") continue;
        io.stderr(`${file}: ${formatProblem(p)}\n`);
      }
      if (errors.length > 0) failed = true;
      else {
        const g = result.graph!;
        const warnings = result.problems.length;
        io.stdout(
          `${file}: valid (${g.order} nodes, ${g.size} edges${warnings ? `, ${warnings} warning${warnings > 1 ? "s" : ""}` : ""})\n`,
        );
      }
    }
    return failed ? 2 : 0;
  },
};
