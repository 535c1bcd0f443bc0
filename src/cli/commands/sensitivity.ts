/**
 * `chokepoint sensitivity [file]`: which uncertain input moves a figure most: one-at-a-time swings of every ranged
 * value (a tornado) and Sobol indices from Monte Carlo samples (docs/uncertainty.md).
 */
import { basename } from "node:path";
import type { FlowObjective } from "../../flow/_solve-flow.js";
import { FLOW_OBJECTIVES } from "../../flow/_solve-flow.js";
import { DEFAULT_GRAPH, resolveGraphPath } from "../../io/bundled.js";
import { readGraphFile } from "../../io/read-graph-file.js";
import { UsageError } from "../../model/errors.js";
import type { CompareFormat } from "../../report/_compare-cells.js";
import { formatSensitivity } from "../../report/sensitivity.js";
import type { Distribution } from "../../uncertainty/draws.js";
import { parseMetric, sensitivity } from "../../uncertainty/sensitivity.js";
import { checkOut, type CommandSpec, formatOption, outOption } from "../_command.js";
import { chartPrefix, emitReport } from "../_report-files.js";
import { SAMPLING_OPTIONS, samplingFromOptions, samplingProgress } from "../_sampling-options.js";
import { SCENARIO_OPTIONS, scenarioFromOptions } from "../_scenario-options.js";

function count(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 0)
      throw new UsageError(`${flag} "${value}" is not a whole number`, `e.g. ${flag} 8`);
    return n;
  };
}

export const sensitivityCommand: CommandSpec = {
  name: "sensitivity",
  summary:
    "which uncertain input moves a figure most: one-at-a-time swings of every ranged value (tornado) and Sobol indices",
  args: [{ name: "file", description: "graph file", default: DEFAULT_GRAPH }],
  options: [
    {
      flags: "--metric <metric>",
      description: "the figure to explain: served:<country code> or served:total",
      default: "served:JP",
    },
    ...SCENARIO_OPTIONS,
    {
      flags: "--objective <objective>",
      description: "how served demand is decided (default: the flow's default)",
      choices: FLOW_OBJECTIVES,
    },
    ...SAMPLING_OPTIONS.map((o) =>
      o.flags.startsWith("--samples")
        ? {
            ...o,
            description: "rows per Sobol matrix (N solves per Sobol input, plus 2N); 0 = swings only",
            default: 500,
            parse: count("--samples"),
          }
        : o,
    ),
    {
      flags: "--sobol-inputs <k>",
      description: "Sobol indices for the k inputs with the largest swings",
      default: 8,
      parse: count("--sobol-inputs"),
    },
    formatOption(["text", "md", "json"]),
    outOption,
  ],
  examples: [
    "chokepoint sensitivity --metric served:JP",
    "chokepoint sensitivity --metric served:US --uncertainty capacity:0.3 --samples 0",
    "chokepoint sensitivity --metric served:JP --format md --out sensitivity.md",
  ],
  async run({ args, options, io }) {
    checkOut(options);
    const metric = parseMetric(String(options.metric));
    const file = args[0] ?? DEFAULT_GRAPH;
    const graph = readGraphFile(resolveGraphPath(file));
    const scenario = scenarioFromOptions(options, "no-china");
    const sampling = samplingFromOptions(options)!;
    const bar = samplingProgress(io, "sensitivity solves");
    let result: Awaited<ReturnType<typeof sensitivity>>;
    try {
      result = await sensitivity(graph, scenario, metric, {
        samples: sampling.samples,
        seed: sampling.seed,
        distribution: sampling.distribution as Distribution,
        threads: sampling.threads,
        sobolInputs: options.sobolInputs as number,
        objective: options.objective as FlowObjective | undefined,
        onProgress: bar.onProgress,
      });
    } finally {
      bar.stop();
    }
    const provenance = {
      dataFile: basename(file),
      scenario: scenario.name,
      date: String(graph.getAttribute("year") ?? "n/a"),
    };
    const report = await formatSensitivity(
      result,
      options.format as CompareFormat,
      provenance,
      chartPrefix(options.out, "sensitivity"),
    );
    emitReport(io, report, options.out);
    return 0;
  },
};
