/**
 * `chokepoint convert <in> <out>`: between our JSON, CSV tables, GEXF and GraphML. The input is validated
 * exactly as every command validates it (errors exit 2 and nothing is written); its warnings go to stderr.
 */
import { checkCsvFile } from "../../io/formats/csv-files.js";
import { checkAnyGraphFileAsync, readableFormats } from "../../io/read-graph-file.js";
import {
  formatOfOutput,
  WRITABLE_FORMATS,
  type WritableFormat,
  writeGraphFile,
} from "../../io/write-graph-file.js";
import { checkOutputPath } from "../../io/write-atomic.js";
import { formatProblem, GraphFileError, UsageError } from "../../model/errors.js";
import type { CommandSpec } from "../_command.js";

export const convertCommand: CommandSpec = {
  name: "convert",
  summary:
    "convert a graph between JSON, CSV (nodes + edges tables), GEXF (Gephi) and GraphML (Cytoscape, yEd, networkx)",
  args: [
    { name: "in", description: "input graph (file, or a folder holding nodes.csv and edges.csv)" },
    { name: "out", description: "output file; a folder (or *nodes.csv) for CSV", output: true },
  ],
  options: [
    { flags: "--from <format>", description: "input format (default: from the extension; a folder is csv)" },
    {
      flags: "--to <format>",
      description: "output format (default: from the extension)",
      choices: WRITABLE_FORMATS,
    },
    { flags: "--nodes <file>", description: "CSV input: the nodes table (then give only <out>)" },
    { flags: "--edges <file>", description: "CSV input: the edges table" },
    { flags: "--quiet", description: "do not print the input's warnings", default: false },
  ],
  examples: [
    "chokepoint convert graphs/rare-earths-2025.json rare-earths.gexf",
    "chokepoint convert graphs/rare-earths-2025.json tables/        # nodes.csv, edges.csv, graph.csv",
    "chokepoint convert tables/ edited.json",
    "chokepoint convert --nodes nodes.csv --edges edges.csv network.graphml",
    "chokepoint convert network.graphml network.json   # networkx write_graphml, Cytoscape, yEd",
  ],
  async run({ args, options, io }) {
    const nodes = typeof options.nodes === "string" ? options.nodes : undefined;
    const edges = typeof options.edges === "string" ? options.edges : undefined;
    if ((nodes === undefined) !== (edges === undefined))
      throw new UsageError("--nodes and --edges go together", "give both tables");
    const tables = nodes !== undefined && edges !== undefined;
    const [input, output] = tables
      ? [undefined, args.length === 1 ? args[0] : undefined]
      : [args[0], args[1]];
    if (tables && args.length !== 1)
      throw new UsageError("with --nodes and --edges, give only the output path");
    if (!tables && (input === undefined || output === undefined))
      throw new UsageError("convert needs an input and an output", "chokepoint convert in.json out.gexf");
    const to = (options.to as WritableFormat | undefined) ?? formatOfOutput(output!);
    if (to !== "csv" && to !== "parquet") checkOutputPath(output!); // fail before reading a large input
    const from = typeof options.from === "string" ? options.from : undefined;
    if (from !== undefined && !readableFormats().includes(from))
      throw new UsageError(
        `unknown input format "${from}"`,
        `use one of ${readableFormats().join(", ")}`,
        "E_FORMAT",
      );
    const name = input ?? nodes!;
    const result = tables
      ? checkCsvFile(nodes!, { nodes: nodes!, edges: edges! })
      : await checkAnyGraphFileAsync(input!, from !== undefined ? { from } : {});
    if (!result.graph || result.problems.some((p) => p.severity === "error"))
      throw new GraphFileError(name, result.problems);
    if (options.quiet !== true) for (const p of result.problems) io.stderr(`${name}: ${formatProblem(p)}\n`);
    const written = writeGraphFile(result.graph, output!, { to });
    for (const note of written.notes) io.stderr(`warning: ${note}\n`);
    for (const file of written.files) io.stderr(`wrote ${file}\n`);
    io.stdout(`${result.graph.order} nodes, ${result.graph.size} edges: ${name} -> ${output} (${to})\n`);
    return 0;
  },
};
