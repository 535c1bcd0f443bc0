/**
 * `chokepoint levers [file]`: each pillar of a country's strategy (the bundled lever files, or `--levers`)
 * taken away alone and kept alone under a disruption; the mirror for another country; and the greedy ranking
 * of the graph's pipeline projects.
 */
import { basename } from "node:path";
import { leverContributions } from "../../compare/lever-contributions.js";
import { leverResilience } from "../../compare/lever-resilience.js";
import { mirrorLevers } from "../../compare/mirror-levers.js";
import { projectRanking } from "../../compare/project-ranking.js";
import { FLOW_OBJECTIVES, type FlowObjective } from "../../flow/_solve-flow.js";
import { DEFAULT_GRAPH, resolveGraphPath } from "../../io/bundled.js";
import { bundledLeverNames, loadLever } from "../../io/load-lever.js";
import { readGraphFileAsync } from "../../io/read-graph-file.js";
import { UsageError } from "../../model/errors.js";
import type { CompareFormat } from "../../report/compare.js";
import { formatLeverResilience } from "../../report/lever-resilience.js";
import { formatLevers, type LeversReport } from "../../report/levers.js";
import { stableJson } from "../../report/table.js";
import { checkOut, type CommandSpec, formatOption, outOption } from "../_command.js";
import { checkCountriesHaveConsumers, parseCountries } from "../_countries.js";
import { chartPrefix, emitReport } from "../_report-files.js";
import { SAMPLING_OPTIONS, samplingFromOptions, samplingProgress } from "../_sampling-options.js";
import { SCENARIO_OPTIONS, scenarioFromOptions } from "../_scenario-options.js";
import { leverSamples } from "../../compare/lever-samples.js";
import { DEFAULT_COMPARE_SCENARIO } from "./compare.js";

function parseSteps(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--steps "${value}" is not a positive integer`);
  return n;
}

export const leversCommand: CommandSpec = {
  name: "levers",
  summary:
    "what each pillar of a country's strategy buys it under a disruption (taken away alone, kept alone), what it would buy another country, and which pipeline project helps most",
  args: [{ name: "file", description: "graph file", default: DEFAULT_GRAPH }],
  options: [
    { flags: "--country <code>", description: "the country whose pillars are measured", default: "JP" },
    {
      flags: "--levers <names>",
      description:
        "lever names (graphs/levers/) or .json paths, comma-separated (default: every bundled lever)",
    },
    {
      flags: "--mirror <code>",
      description: "the country to mirror the stockpile and HRE-free pillars onto ('none' to skip)",
      default: "US",
    },
    {
      flags: "--projects <codes>",
      description:
        "countries to rank pipeline projects for ('none' to skip); default: the mirror country and --country",
    },
    {
      flags: "--steps <n>",
      description: "greedy steps of the project ranking",
      default: 5,
      parse: parseSteps,
    },
    {
      flags: "--objective <objective>",
      description:
        "how served demand is decided. Default proportional (rationing: each surviving supplier shares what it can make among its surviving buyers by their baseline volumes), because a pillar is then credited with what reaches the country through its own supply relationships; under max-total the split among countries is a fairness rule, and a pillar's tonnes can be credited to whichever consumer that rule favours. Also max-total (largest total, leximin split), max-min, frozen-routing (contracts hold, no re-rationing)",
      default: "proportional",
      choices: FLOW_OBJECTIVES,
    },
    {
      flags: "--over-time",
      description:
        "also rank the pillars by the resilience loss they avoid over a year (simulate; see docs/simulate.md)",
    },
    ...SCENARIO_OPTIONS,
    ...SAMPLING_OPTIONS,
    formatOption(["text", "md", "json"]),
    outOption,
  ],
  examples: [
    "chokepoint levers --country JP",
    "chokepoint levers --scenario china-embargo-japan-2010 --mirror none",
    "chokepoint levers --format md --out levers.md",
    "chokepoint levers --country JP --samples 500 --uncertainty capacity:0.3",
  ],
  async run({ args, options, io }) {
    checkOut(options);
    const [country] = parseCountries(String(options.country));
    const mirror =
      String(options.mirror).toLowerCase() === "none" ? null : parseCountries(String(options.mirror))[0]!;
    const projectCountries =
      typeof options.projects === "string"
        ? options.projects.toLowerCase() === "none"
          ? []
          : parseCountries(options.projects)
        : [...new Set([...(mirror ? [mirror] : []), country!])];
    const names =
      typeof options.levers === "string"
        ? options.levers
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : bundledLeverNames();
    if (names.length === 0)
      throw new UsageError("no levers to measure", "give --levers or add files to graphs/levers/");
    const levers = names.map(loadLever);
    const scenario = scenarioFromOptions(options, DEFAULT_COMPARE_SCENARIO);
    const file = args[0] ?? DEFAULT_GRAPH;
    const graph = await readGraphFileAsync(resolveGraphPath(file));
    checkCountriesHaveConsumers([country!, ...(mirror ? [mirror] : []), ...projectCountries], [graph]);
    const objective = options.objective as FlowObjective;
    const contributions = await leverContributions(graph, scenario, levers, country!, { objective });
    const mirrored =
      mirror && mirror !== country
        ? await mirrorLevers(graph, scenario, country!, mirror, { objective })
        : null;
    const projects = [];
    for (const c of projectCountries)
      projects.push(await projectRanking(graph, scenario, c, { objective, steps: options.steps as number }));
    const sampling = samplingFromOptions(options);
    let uncertainty: Awaited<ReturnType<typeof leverSamples>> | undefined;
    if (sampling) {
      const bar = samplingProgress(io, "levers samples");
      try {
        uncertainty = await leverSamples(graph, scenario, levers, country!, {
          ...sampling,
          objective,
          onProgress: bar.onProgress,
        });
      } finally {
        bar.stop();
      }
    }
    const report: LeversReport = {
      schema: 1,
      file: basename(file),
      year: graph.getAttribute("year") ?? null,
      currency: graph.getAttribute("currency") ?? null,
      contributions,
      mirror: mirrored,
      projects,
      ...(uncertainty ? { uncertainty } : {}),
    };
    const rendered = await formatLevers(
      report,
      options.format as CompareFormat,
      chartPrefix(options.out, "levers"),
    );
    if (options.overTime === true) {
      const overTime = await leverResilience(graph, scenario, levers, country!);
      if (options.format === "json") rendered.text = stableJson({ ...report, overTime });
      else rendered.text += `\n${formatLeverResilience(overTime, options.format === "md" ? "md" : "text")}`;
    }
    emitReport(io, rendered, options.out);
    return 0;
  },
};
