/**
 * `chokepoint compare [files...]`: countries side by side on one graph under one scenario; or several graph
 * files (years), several scenarios (`--scenarios a,b,c`), or both (one column per file × scenario).
 */
import { basename } from "node:path";
import { type CompareInput, compareResilience } from "../../compare/compare.js";
import { compareOverTime } from "../../compare/over-time.js";
import { DEFAULT_GRAPH, resolveGraphPath } from "../../io/bundled.js";
import { loadScenario } from "../../io/load-scenario.js";
import { readGraphFileAsync } from "../../io/read-graph-file.js";
import { formatComparison, type CompareFormat } from "../../report/compare.js";
import { compareOverTimeChart, formatCompareOverTime } from "../../report/compare-over-time.js";
import { stableJson } from "../../report/table.js";
import {
  composeScenarios,
  isEmptyScenario,
  scenarioFromFlags,
  withUncertainty,
} from "../../scenario/compose.js";
import type { Scenario } from "../../scenario/types.js";
import { checkOut, type CommandSpec, formatOption, outOption } from "../_command.js";
import { checkCountriesHaveConsumers, parseCountries } from "../_countries.js";
import { chartPrefix, emitReport } from "../_report-files.js";
import { SAMPLING_OPTIONS, samplingFromOptions, samplingProgress } from "../_sampling-options.js";
import { SCENARIO_OPTIONS } from "../_scenario-options.js";
import { compareSamples } from "../../compare/compare-samples.js";

/** The default scenario of `compare` and `levers`: China's supply gone for everyone. */
export const DEFAULT_COMPARE_SCENARIO = "no-china";

/** Scenario columns: each named scenario composed with the flag disruptions (except `--year`, see below). */
function scenarioColumns(options: Record<string, unknown>, pipelineColumn: boolean): Scenario[] {
  const names = [
    ...((options.scenario as string[] | undefined) ?? []),
    ...(typeof options.scenarios === "string" ? options.scenarios.split(",").map((s) => s.trim()) : []),
  ].filter(Boolean);
  const flags = scenarioFromFlags({
    remove: options.remove as string[] | undefined,
    cut: options.cut as string[] | undefined,
    scale: options.scale as string[] | undefined,
    includePlanned: options.includePlanned === true,
    year: pipelineColumn ? undefined : (options.year as number | undefined),
    uncertainty: options.uncertainty as string[] | undefined,
  });
  const bases = (names.length ? names : [DEFAULT_COMPARE_SCENARIO]).map(loadScenario);
  const { uncertainty, ...disruptions } = flags;
  return bases.map((b) =>
    withUncertainty(
      isEmptyScenario(disruptions) ? b : composeScenarios([b, { ...disruptions, name: "flags" }]),
      uncertainty,
    ),
  );
}

export const compareCommand: CommandSpec = {
  name: "compare",
  summary:
    "compare resilience side by side: countries, graphs (years) and scenarios; served demand, cut-offs, foreign single points of failure, concentration, stocks, losses, robustness",
  args: [
    {
      name: "files",
      description: "graph files, one column each (default: the bundled 2025 graph)",
      variadic: true,
    },
  ],
  options: [
    {
      flags: "--countries <codes>",
      description: "countries to compare (ISO codes, comma-separated)",
      default: "JP,US",
    },
    {
      flags: "--scenarios <names>",
      description: `scenarios to compare, comma-separated, one column each (default: ${DEFAULT_COMPARE_SCENARIO})`,
    },
    ...SCENARIO_OPTIONS.map((o) =>
      o.flags.startsWith("--year")
        ? {
            ...o,
            description:
              "bring online the pipeline due by this year; with several graph files, adds a column: the last file with that pipeline",
          }
        : o,
    ),
    {
      flags: "--no-robustness",
      description: "skip robustness R (the slowest part: one N-1 sweep per country)",
    },
    ...SAMPLING_OPTIONS,
    {
      flags: "--over-time",
      description:
        "also simulate each column over a year: time-to-survive, deepest drop, resilience loss, one chart",
    },
    formatOption(["text", "md", "json"]),
    outOption,
  ],
  examples: [
    "chokepoint compare",
    "chokepoint compare graphs/rare-earths-2010.json graphs/rare-earths-2025.json --countries JP",
    "chokepoint compare graphs/rare-earths-2010.json graphs/rare-earths-2025.json --countries JP --year 2028",
    "chokepoint compare --scenarios no-china,china-dual-use-ban-japan-2026,china-heavy-ree-controls-2025",
    "chokepoint compare --format md --out report.md",
    "chokepoint compare --samples 1000 --seed 1 --uncertainty capacity:0.3",
  ],
  async run({ args, options, io }) {
    checkOut(options);
    const countries = parseCountries(String(options.countries));
    const files = args.length ? args : [DEFAULT_GRAPH];
    const pipelineYear = files.length > 1 ? (options.year as number | undefined) : undefined;
    const scenarios = scenarioColumns(options, pipelineYear !== undefined);
    const graphs: Array<{ file: string; graph: Awaited<ReturnType<typeof readGraphFileAsync>> }> = [];
    for (const f of files) graphs.push({ file: f, graph: await readGraphFileAsync(resolveGraphPath(f)) });
    checkCountriesHaveConsumers(
      countries,
      graphs.map((g) => g.graph),
    );
    const inputs: CompareInput[] = [];
    for (const { file, graph } of graphs) {
      const year = graph.getAttribute("year");
      for (const scenario of scenarios) {
        const parts = [
          files.length > 1 ? String(year ?? basename(file)) : "",
          scenarios.length > 1 ? scenario.name : "",
        ];
        const label = parts.filter(Boolean).join(" ") || `${year ?? basename(file)} ${scenario.name}`;
        inputs.push({ graph, file: basename(file), scenario, label });
      }
    }
    if (pipelineYear !== undefined) {
      const last = graphs[graphs.length - 1]!;
      for (const scenario of scenarios)
        inputs.push({
          graph: last.graph,
          file: basename(last.file),
          scenario: composeScenarios([scenario, { name: `pipeline-${pipelineYear}`, year: pipelineYear }]),
          label: `${pipelineYear} pipeline${scenarios.length > 1 ? ` ${scenario.name}` : ""}`,
        });
    }
    const comparison = await compareResilience(inputs, countries, {
      robustness: options.robustness !== false,
    });
    const sampling = samplingFromOptions(options);
    let samples: Awaited<ReturnType<typeof compareSamples>> | undefined;
    if (sampling) {
      const bar = samplingProgress(io, "compare samples");
      try {
        samples = await compareSamples(inputs, countries, { ...sampling, onProgress: bar.onProgress });
      } finally {
        bar.stop();
      }
    }
    const report = await formatComparison(
      comparison,
      options.format as CompareFormat,
      chartPrefix(options.out, "compare"),
      samples,
    );
    if (options.overTime === true) {
      const columns = await compareOverTime(inputs, countries);
      if (options.format === "json") {
        const overTime = columns.map((c) => ({
          label: c.label,
          file: c.file,
          scenario: c.scenario,
          countries: c.countries,
        }));
        report.text = stableJson({ ...JSON.parse(report.text), overTime });
      } else if (options.format === "md") {
        const chart = await compareOverTimeChart(columns, countries);
        report.charts.push(chart);
        const prefix = chartPrefix(options.out, "compare");
        report.text += `\n${formatCompareOverTime(columns, "md")}\n![${chart.title}](${prefix}-${chart.name}.svg)\n`;
      } else report.text += `\n${formatCompareOverTime(columns, "text")}`;
    }
    emitReport(io, report, options.out);
    return 0;
  },
};
