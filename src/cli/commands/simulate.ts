/**
 * `chokepoint simulate [file]`: the disruption day by day (period by period): stocks drain, routes requalify,
 * capacity ramps, plants recover. Scenario options as for `flow` (default `no-china`), timed with
 * `--start-day` / `--duration-days` or by the scenario file's own timing. `--samples N` adds 5th-95th percentile
 * intervals from a Monte Carlo over the ranged values (one simulation per sample).
 */
import { basename } from "node:path";
import { DEFAULT_GRAPH, resolveGraphPath } from "../../io/bundled.js";
import { readGraphFile } from "../../io/read-graph-file.js";
import { UsageError } from "../../model/errors.js";
import { formatSimulations, type SimulateFormat, type SimulationRun } from "../../report/simulate.js";
import { applyScenario } from "../../scenario/apply-scenario.js";
import type { Scenario } from "../../scenario/types.js";
import { simulationIntervals } from "../../report/simulate-samples.js";
import { simulate } from "../../simulate/simulate.js";
import { sampledSimulation } from "../../uncertainty/sampled-simulation.js";
import { checkOut, type CommandSpec, formatOption } from "../_command.js";
import { chartPrefix, emitReport } from "../_report-files.js";
import { SAMPLING_OPTIONS, samplingFromOptions, samplingProgress } from "../_sampling-options.js";
import { SCENARIO_OPTIONS, scenarioFromOptions } from "../_scenario-options.js";

/** A whole number of days within [min, 36500]. @throws UsageError naming the option */
function dayCount(option: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > 36_500)
      throw new UsageError(
        `${option} "${value}" is not a number of days`,
        `a whole number from ${min} to 36500`,
      );
    return n;
  };
}

/** `--qualification-days 90` (every stage) or `--qualification-days consumer=180` (one stage); repeatable. */
function qualification(values: string[] | undefined): { all?: number; byStage: Record<string, number> } {
  const out: { all?: number; byStage: Record<string, number> } = { byStage: {} };
  for (const v of values ?? []) {
    const eq = v.indexOf("=");
    const stage = eq < 0 ? undefined : v.slice(0, eq).trim();
    const days = dayCount("--qualification-days", 0)(eq < 0 ? v : v.slice(eq + 1));
    if (stage === undefined) out.all = days;
    else if (stage === "")
      throw new UsageError(`--qualification-days "${v}" names no stage`, "e.g. consumer=180");
    else out.byStage[stage] = days;
  }
  return out;
}

/** `--countries JP,US` → ["JP", "US"]; each must be a country with consumers. @throws UsageError */
function countryList(value: unknown, known: string[]): string[] | undefined {
  if (typeof value !== "string") return undefined;
  const codes = value.split(",").map((c) => c.trim().toUpperCase());
  for (const code of codes) {
    if (!known.includes(code))
      throw new UsageError(
        `--countries: "${code}" has no consumers in this graph`,
        `known: ${known.join(", ")}`,
      );
  }
  return codes;
}

export const simulateCommand: CommandSpec = {
  name: "simulate",
  summary:
    "the disruption over time: served demand per period, time-to-survive, time-to-recover, resilience loss",
  args: [
    {
      name: "files",
      description: "graph files, one simulation each, one chart for all (default: the bundled 2025 graph)",
      variadic: true,
    },
  ],
  options: [
    ...SCENARIO_OPTIONS,
    {
      flags: "--horizon <days>",
      description: "days simulated",
      default: 365,
      parse: dayCount("--horizon", 1),
    },
    { flags: "--step <days>", description: "days per period", default: 7, parse: dayCount("--step", 1) },
    {
      flags: "--start-day <day>",
      description: "day the scenario starts (its rules' own timing wins)",
      parse: dayCount("--start-day", 0),
    },
    {
      flags: "--duration-days <days>",
      description: "days the scenario lasts (default: to the end of the horizon)",
      parse: dayCount("--duration-days", 1),
    },
    {
      flags: "--qualification-days <days>",
      description:
        "days to qualify a new supplier: a number for every stage, or stage=days; repeatable (node attributes win)",
      repeatable: true,
    },
    { flags: "--no-lead-times", description: "ignore edges' leadTimeDays (material arrives when shipped)" },
    { flags: "--no-stocks", description: "ignore stockpiles, stockpileDays and stockDays" },
    {
      flags: "--nodes",
      description: "per node time-to-survive against time-to-recover (one simulation per node)",
    },
    {
      flags: "--start-date <date>",
      description: "calendar date of day 0, yyyy-mm-dd (dates pipeline start-ups)",
    },
    {
      flags: "--countries <codes>",
      description: "countries the text and Markdown report show, e.g. JP,US (JSON holds all)",
    },
    ...SAMPLING_OPTIONS,
    formatOption(["text", "md", "json"]),
    { flags: "--out <file>", description: "write the report to this file (Markdown: its chart beside it)" },
  ],
  examples: [
    "chokepoint simulate",
    "chokepoint simulate graphs/rare-earths-2010.json graphs/rare-earths-2025.json --scenario china-embargo-japan-2010 --duration-days 60 --countries JP --format md --out embargo.md",
    "chokepoint simulate --cut 'CN>JP' --start-day 30 --duration-days 60 --step 1 --horizon 180 --format json",
    "chokepoint simulate --scenario china-embargo-japan-2010 --duration-days 60 --samples 100 --seed 1 --countries JP",
  ],
  async run({ args, options, io }) {
    checkOut(options);
    let scenario: Scenario = scenarioFromOptions(options, "no-china");
    if (options.startDay !== undefined) scenario = { ...scenario, startDay: options.startDay as number };
    if (options.durationDays !== undefined)
      scenario = { ...scenario, durationDays: options.durationDays as number };
    const q = qualification(options.qualificationDays as string[] | undefined);
    const settings = {
      horizon: options.horizon as number,
      step: options.step as number,
      leadTimes: options.leadTimes !== false,
      stocks: options.stocks !== false,
      qualificationDays: q.byStage,
      ...(q.all !== undefined ? { qualificationAll: q.all } : {}),
      ...(typeof options.startDate === "string" ? { startDate: options.startDate } : {}),
    };
    const sampling = samplingFromOptions(options);
    const runs: SimulationRun[] = [];
    for (const arg of args.length ? args : [DEFAULT_GRAPH]) {
      const file = resolveGraphPath(arg);
      const graph = readGraphFile(file);
      const sim = await simulate(graph, applyScenario(graph, scenario), {
        ...settings,
        nodes: options.nodes === true,
      });
      let intervals: SimulationRun["intervals"];
      if (sampling) {
        const bar = samplingProgress(io, `simulate samples (${basename(file)})`);
        try {
          const sampled = await sampledSimulation(graph, scenario, {
            ...sampling,
            simulate: settings,
            onProgress: bar.onProgress,
          });
          intervals = simulationIntervals(sampled);
        } finally {
          bar.stop();
        }
      }
      const year = graph.getAttribute("year");
      runs.push({
        file: basename(file),
        label: year === undefined ? basename(file) : String(year),
        sim,
        provenance: { dataFile: basename(file), scenario: sim.scenario, date: String(year ?? "n/a") },
        currency: graph.getAttribute("currency") ?? null,
        ...(intervals ? { intervals } : {}),
      });
    }
    const known = [...new Set(runs.flatMap((r) => Object.keys(r.sim.countries)))];
    const only = countryList(options.countries, known);
    const report = await formatSimulations(
      runs,
      options.format as SimulateFormat,
      chartPrefix(options.out, "simulate"),
      only,
    );
    emitReport(io, report, options.out);
    return 0;
  },
};
