/** `chokepoint analyze [file]`: who is cut off under a scenario, what they miss, what they cannot lose. */
import { analyze } from "../../analysis/analyze.js";
import { DEFAULT_GRAPH, resolveGraphPath } from "../../io/bundled.js";
import { exportResults, nodeResultsFromAnalysis } from "../../io/export-results.js";
import { readGraphFileAsync } from "../../io/read-graph-file.js";
import { readGraphTableAsync } from "../../io/read-graph-table.js";
import { buildCsr } from "../../model/csr.js";
import { checkOutputPath } from "../../io/write-atomic.js";
import { formatOfOutput } from "../../io/write-graph-file.js";
import { type AnalyzeFormat, analyzeJsonChunks, formatAnalyzeReport } from "../../report/analyze.js";
import { applyScenario } from "../../scenario/apply-scenario.js";
import { checkOut, type CommandSpec, emit, formatOption, outOption } from "../_command.js";
import { SCENARIO_OPTIONS, scenarioFromOptions } from "../_scenario-options.js";
import { servedHeadline } from "../../report/flow.js";
import {
  analyzeFlow,
  FLOW_DEFAULT_MAX_NODES,
  FLOW_OPTIONS,
  FLOW_SAMPLING_OPTIONS,
  flowSkippedNote,
} from "./flow.js";

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
        "served demand (LP), flow chokepoints, survival, losses (default: on when the graph has capacities and at most 5,000 nodes: at 5,000 nodes the whole flow analysis takes about 3.5 CPU minutes, most of it the N-1 sweep; at 2,000 about 35 CPU s; --threads spreads the sweep; see docs/flow-scale.md)",
    },
    { flags: "--no-flow", description: "skip the flow analysis" },
    ...FLOW_OPTIONS,
    ...FLOW_SAMPLING_OPTIONS,
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
    const path = resolveGraphPath(args[0]);
    // Every analysis runs on the integer view. A large file is read straight into it (no graphology graph:
    // half the load time and memory at 10^6 nodes); the graph is read only when the flow or --export need it.
    let table = exportPath === undefined && options.flow !== true ? await readGraphTableAsync(path) : null;
    const graph = table === null || table.n <= FLOW_DEFAULT_MAX_NODES ? await readGraphFileAsync(path) : null;
    if (graph) table = buildCsr(graph);
    const csr = table!;
    const scenario = scenarioFromOptions(options, "no-china");
    const applied = applyScenario(csr, scenario);
    const result = analyze(csr, applied);
    // Hook: further analyses (e.g. `--flow`) add their part to `result` here, before formatting.
    if (graph === null && options.flow === undefined && options.format !== "csv")
      io.stderr(flowSkippedNote(csr.n));
    const flow = graph ? await analyzeFlow(graph, applied, options, io, scenario) : null;
    if (exportPath !== undefined) {
      const written = exportResults(
        graph!,
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
    const full = flow ? { ...result, ...flow.json } : result;
    if (format === "json") {
      // chunks, not one string: the JSON of a 10^6-node graph nears V8's string limit
      emit(io, analyzeJsonChunks(full), options.out);
      return 0;
    }
    const kept = result.consumers.length;
    const connected = result.consumers.filter((c) => c.supplied).length;
    const units = result.graph.units ?? "t/yr";
    const headline = flow ? servedHeadline(flow.analysis, units, [connected, kept]) : undefined;
    let text = formatAnalyzeReport(full, csr, format, headline ? { headline } : {});
    if (flow && (format === "text" || format === "md")) text += `\n${flow.sections(format)}`;
    emit(io, text, options.out);
    return 0;
  },
};
