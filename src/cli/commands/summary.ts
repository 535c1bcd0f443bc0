/** `chokepoint summary [file]`: concentration by stage and country, imports by origin, look-through. */
import { concentrationReport } from "../../analysis/concentration.js";
import { DEFAULT_GRAPH, resolveGraphPath } from "../../io/bundled.js";
import { readGraphTableAsync } from "../../io/read-graph-table.js";
import { formatConcentrationReport, type ReportFormat } from "../../report/concentration.js";
import { checkOut, type CommandSpec, emit, formatOption, outOption } from "../_command.js";

export const summaryCommand: CommandSpec = {
  name: "summary",
  summary:
    "concentration report: each stage's output by country (shares, HHI, top-3), imports by origin, look-through",
  args: [{ name: "file", description: "graph file", default: DEFAULT_GRAPH }],
  options: [
    {
      flags: "--include-planned",
      description: "count planned and under-construction facilities",
      default: false,
    },
    formatOption(["text", "md", "json"]),
    outOption,
  ],
  examples: ["chokepoint summary", "chokepoint summary graphs/rare-earths-2010.json --format json"],
  async run({ args, options, io }) {
    checkOut(options);
    // the integer view, read without a graphology graph (large files are checked while read in chunks)
    const table = await readGraphTableAsync(resolveGraphPath(args[0]));
    const report = concentrationReport(table, { includePlanned: options.includePlanned === true });
    emit(
      io,
      formatConcentrationReport(report, options.format as ReportFormat, table.graphAttributes.units),
      options.out,
    );
    return 0;
  },
};
