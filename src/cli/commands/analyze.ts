/** `chokepoint analyze [file]`: who is cut off under a scenario, what they miss, what they cannot lose. */
import { analyze } from "../../analysis/analyze.js";
import { DEFAULT_GRAPH, resolveGraphPath } from "../../io/bundled.js";
import { exportResults, nodeResultsFromAnalysis } from "../../io/export-results.js";
import { readGraphFile } from "../../io/read-graph-file.js";
import { checkOutputPath } from "../../io/write-atomic.js";
import { formatOfOutput } from "../../io/write-graph-file.js";
import { type AnalyzeFormat, formatAnalyzeReport } from "../../report/analyze.js";
import { applyScenario } from "../../scenario/apply-scenario.js";
import { checkOut, type CommandSpec, emit, formatOption, outOption } from "../_command.js";
import { SCENARIO_OPTIONS, scenarioFromOptions } from "../_scenario-options.js";
import { analyzeFlow, FLOW_OPTIONS } from "./flow.js";

export const analyzeCommand: CommandSpec = {
  name: "analyze",
  summary:
    "disruption analysis: consumers cut off, missing materials, single points of failure, country failure sets, routes",
  args: [{ name: "file", description: "graph file", default: DEFAULT_GRAPH }],
  options: [
    ...SCENARIO_OPTIONS,
    {
      flags: "--flow",
      description:
        "served demand (LP), flow chokepoints, survival, losses (default: on when the graph has capacities)",
    },
    { flags: "--no-flow", description: "skip the flow analysis" },
    ...FLOW_OPTIONS,
    formatOption(["text", "md", "json", "csv"]),
    outOption,
    {
      flags: "--export <file>",
      description:
        "also write the graph with every result as node attributes (.gexf, .graphml, .json; for Gephi/Cytoscape)",
    },
  ],
  examples: [
    "chokepoint analyze",
    "chokepoint analyze --scenario china-heavy-ree-controls-2025",
    "chokepoint analyze --remove country=MM --cut 'CN>JP:DyTb-oxide' --format json --out result.json",
  ],
  async run({ args, options, io }) {
    checkOut(options);
    const exportPath = typeof options.export === "string" ? options.export : undefined;
    if (exportPath !== undefined && formatOfOutput(exportPath) !== "csv") checkOutputPath(exportPath);
    const graph = readGraphFile(resolveGraphPath(args[0]));
    const applied = applyScenario(graph, scenarioFromOptions(options, "no-china"));
    const result = analyze(graph, applied);
    // Hook: further analyses (e.g. `--flow`) add their part to `result` here, before formatting.
    const flow = await analyzeFlow(graph, applied, options, io);
    if (exportPath !== undefined) {
      const written = exportResults(
        graph,
        // export-results reads served demand at `flow.flow.consumers` (a whole flow analysis)
        nodeResultsFromAnalysis(flow ? { ...result, flow: { flow: flow.json.flow } } : result),
        exportPath,
        {
          removedEdges: result.scenario.removedEdges,
          scenarioName: result.scenario.name,
        },
      );
      for (const file of written.files) io.stderr(`wrote ${file}\n`);
    }
    const format = options.format as AnalyzeFormat;
    let text = formatAnalyzeReport(flow ? { ...result, ...flow.json } : result, graph, format);
    if (flow && (format === "text" || format === "md")) text += `\n${flow.sections(format)}`;
    emit(io, text, options.out);
    return 0;
  },
};
