/**
 * `chokepoint flow [file]`: served demand under capacities and recipes (LP), bottlenecks, N-1 flow chokepoints,
 * attack curves, time-to-survive and losses for a scenario (default `no-china`).
 */
import { FLOW_OBJECTIVES, type FlowObjective } from "../../flow/_solve-flow.js";
import type { FlowAnalysis } from "../../flow/flow-analysis.js";
import { type FlowPhase, flowAnalysis } from "../../flow/flow-analysis.js";
import { DEFAULT_GRAPH, resolveGraphPath } from "../../io/bundled.js";
import { readGraphFileAsync } from "../../io/read-graph-file.js";
import { UsageError } from "../../model/errors.js";
import {
  type FlowReportFormat,
  flowJsonFields,
  formatFlowReport,
  formatFlowSections,
} from "../../report/flow.js";
import { applyScenario } from "../../scenario/apply-scenario.js";
import type { SupplyGraph } from "../../model/types.js";
import type { AppliedScenario, Scenario } from "../../scenario/types.js";
import { type FlowIntervals, flowWithIntervals } from "../../report/intervals.js";
import {
  type CliIO,
  checkOut,
  type CommandSpec,
  emit,
  formatOption,
  type OptionSpec,
  outOption,
} from "../_command.js";
import { SAMPLING_OPTIONS, samplingFromOptions, samplingProgress } from "../_sampling-options.js";
import { SCENARIO_OPTIONS, scenarioFromOptions } from "../_scenario-options.js";
import { monteCarlo, monteCarloIntervals } from "../../uncertainty/monte-carlo.js";

function parseDays(value: string): number {
  const days = Number(value);
  if (!Number.isInteger(days) || days <= 0 || days > 36_500)
    throw new UsageError(
      `--days "${value}" is not a number of days`,
      "a whole number from 1 to 36500, e.g. --days 180",
    );
  return days;
}

/**
 * Progress for the long sweeps, on stderr: nothing during the first second, then a bar when stderr is a
 * terminal, else a line per 10%. The library only calls back; all printing is here.
 */
export function flowProgress(io: CliIO): {
  onProgress: (phase: FlowPhase, done: number, total: number) => void;
  stop: () => void;
} {
  // One reporter per phase (each with its own one-second grace period), built on the sampled runs' reporter.
  let phase: FlowPhase | undefined;
  let current: ReturnType<typeof samplingProgress> | undefined;
  const stop = () => {
    current?.stop();
    current = undefined;
  };
  return {
    stop,
    onProgress(p, done, total) {
      if (p !== phase || !current) {
        stop();
        phase = p;
        current = samplingProgress(io, `flow ${p}`);
      }
      current.onProgress(done, total);
    },
  };
}

/** `--objective` and `--days`: shared by `flow` and `analyze --flow`. */
export const FLOW_OPTIONS: OptionSpec[] = [
  {
    flags: "--objective <objective>",
    description:
      "max-total (the largest total; split among consumers by leximin: the fairest split that keeps that total, unique), max-min (leximin over all flows: fairest, may serve less), proportional (rationing: suppliers share among surviving buyers by baseline volumes, no new routes), frozen-routing (contracts hold: baseline shares, lost shares are not re-rationed)",
    default: "max-total",
    choices: FLOW_OBJECTIVES,
  },
  {
    flags: "--days <days>",
    description: "also report losses for a disruption of this many days (90 and 365 always); repeatable",
    repeatable: true,
  },
];

/** The sampling options, with `--threads` also spreading the N-1 flow sweep (`flow` and `analyze`). */
export const FLOW_SAMPLING_OPTIONS: OptionSpec[] = SAMPLING_OPTIONS.map((o) =>
  o.flags.startsWith("--threads")
    ? {
        ...o,
        description:
          "worker threads for the samples (default: the number of cores) and for the N-1 flow chokepoint sweep (default: 1; less wall time, same CPU); results do not depend on it",
      }
    : o,
);

/**
 * Worker threads for the N-1 sweep: `--threads` (shared with the sampled runs, parsed there) when given, else
 * one: the figures do not depend on it, and extra threads pay only on an otherwise idle machine.
 */
function sweepThreads(options: Record<string, unknown>): number {
  return (options.threads as number | undefined) ?? 1;
}

/** True when any node or edge has a capacity: then `analyze` runs the flow model unless `--no-flow`. */
/**
 * Above this many nodes `analyze` runs the flow only on `--flow`: its N-1 sweep re-solves the allocation once per
 * facility that carries flow, so the cost grows about as the square of the size. At 5,000 generated nodes the
 * whole flow analysis (no-china) takes 220 CPU s, what it took at 2,000 before survival stopped solving LPs for
 * hopeless questions (tests/bench/results/flow.md).
 */
export const FLOW_DEFAULT_MAX_NODES = 5_000;

/** The flow runs by default on graphs with capacities, up to `FLOW_DEFAULT_MAX_NODES` nodes (said on stderr). */
function flowByDefault(graph: SupplyGraph, io: CliIO): boolean {
  if (!hasCapacities(graph)) return false;
  if (graph.order <= FLOW_DEFAULT_MAX_NODES) return true;
  io.stderr(flowSkippedNote(graph.order));
  return false;
}

/** What `analyze` says on stderr when it skips the flow for size. */
export function flowSkippedNote(nodes: number): string {
  return `flow analysis skipped: ${nodes} nodes is over ${FLOW_DEFAULT_MAX_NODES} (one LP per facility); pass --flow to run it\n`;
}

function hasCapacities(graph: SupplyGraph): boolean {
  return (
    graph.someNode((_id, a) => a.capacity !== undefined) ||
    graph.someEdge((_e, a) => a.capacity !== undefined)
  );
}

/**
 * The `analyze --flow` part: runs the flow analysis when `--flow` is given, or when neither `--flow` nor
 * `--no-flow` is and the graph has capacities; returns the JSON fields to merge and the brief's sections.
 */
export async function analyzeFlow(
  graph: SupplyGraph,
  applied: AppliedScenario,
  options: Record<string, unknown>,
  io: CliIO,
  scenario?: Scenario,
): Promise<{
  analysis: FlowAnalysis;
  json: ReturnType<typeof flowJsonFields>;
  sections(format: "text" | "md"): string;
} | null> {
  const wanted = options.flow === undefined ? flowByDefault(graph, io) : options.flow === true;
  if (!wanted || options.format === "csv") return null;
  const progress = flowProgress(io);
  try {
    const analysis = await flowAnalysis(graph, applied, {
      objective: (options.objective as FlowObjective | undefined) ?? "max-total",
      days: ((options.days as string[] | undefined) ?? []).map(parseDays),
      threads: sweepThreads(options),
      onProgress: progress.onProgress,
    });
    progress.stop();
    const intervals = scenario ? await sampledIntervals(graph, scenario, options, io) : undefined;
    const json = flowJsonFields(analysis, graph.getAttribute("units") ?? "t/yr");
    return {
      analysis,
      json: { ...json, flow: flowWithIntervals(json.flow, intervals) },
      sections: (format) => formatFlowSections(graph, analysis, format, intervals),
    };
  } finally {
    progress.stop();
  }
}

/** With `--samples`, the Monte Carlo intervals of the served demand (docs/uncertainty.md); else undefined. */
async function sampledIntervals(
  graph: SupplyGraph,
  scenario: Scenario,
  options: Record<string, unknown>,
  io: CliIO,
): Promise<FlowIntervals | undefined> {
  const sampling = samplingFromOptions(options);
  if (!sampling) return undefined;
  const bar = samplingProgress(io, "flow samples");
  try {
    const mc = await monteCarlo(graph, scenario, {
      ...sampling,
      objective: options.objective as FlowObjective | undefined,
      onProgress: bar.onProgress,
    });
    return monteCarloIntervals(mc);
  } finally {
    bar.stop();
  }
}

export const flowCommand: CommandSpec = {
  name: "flow",
  summary:
    "served demand under capacities and recipes (LP), bottlenecks, N-1 flow chokepoints, time-to-survive, losses",
  args: [{ name: "file", description: "graph file", default: DEFAULT_GRAPH }],
  options: [
    ...SCENARIO_OPTIONS,
    ...FLOW_OPTIONS,
    { flags: "--no-attack", description: "skip the attack curves (one re-solve per node and order)" },
    ...FLOW_SAMPLING_OPTIONS,
    formatOption(["text", "md", "json"]),
    outOption,
  ],
  examples: [
    "chokepoint flow",
    "chokepoint flow --scenario china-heavy-ree-controls-2025 --objective max-min",
    "chokepoint flow --remove country=CN --days 180 --format json --out flow.json",
    "chokepoint flow --samples 1000 --seed 1 --uncertainty capacity:0.3",
  ],
  async run({ args, options, io }) {
    checkOut(options);
    const days = ((options.days as string[] | undefined) ?? []).map(parseDays);
    const graph = await readGraphFileAsync(resolveGraphPath(args[0]));
    const scenario = scenarioFromOptions(options, "no-china");
    const applied = applyScenario(graph, scenario);
    const progress = flowProgress(io);
    try {
      const analysis = await flowAnalysis(graph, applied, {
        objective: options.objective as FlowObjective,
        days,
        attack: options.attack !== false,
        threads: sweepThreads(options),
        onProgress: progress.onProgress,
      });
      progress.stop();
      const intervals = await sampledIntervals(graph, scenario, options, io);
      const format = options.format as FlowReportFormat;
      emit(io, formatFlowReport(graph, applied, analysis, format, intervals), options.out);
    } finally {
      progress.stop();
    }
    return 0;
  },
};
