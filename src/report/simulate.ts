/**
 * The `simulate` report in text, Markdown (with the served-over-time chart as an SVG file beside it) or JSON.
 * JSON is the result itself (`Simulation`): `periods`, `countries`, `nodes` and the rest, keys in builder order.
 */
import type { Simulation } from "../simulate/types.js";
import type { ChartFile, RenderedReport } from "./_compare-cells.js";
import { type ChartProvenance, renderSvg } from "./charts.js";
import { chartCountries, servedOverTimeSpec } from "./simulate-chart.js";
import {
  amountInterval,
  daysInterval,
  fractionInterval,
  type SimulationIntervals,
  simulationIntervalNote,
  simulationWithIntervals,
} from "./simulate-samples.js";
import {
  type Column,
  markdownCell,
  markdownTable,
  percent,
  quantity,
  stableJson,
  textTable,
} from "./table.js";

/** The formats `simulate` writes. */
export type SimulateFormat = "text" | "md" | "json";

const days = (d: number | null) => (d === null ? "-" : `${d}`);

function countryTable(
  sim: Simulation,
  currency: string | null,
  codes: string[],
  intervals: SimulationIntervals | undefined,
) {
  const columns: Column[] = [
    { header: "country" },
    { header: "time to survive (d)", align: "right" },
    { header: "deepest", align: "right" },
    { header: "time to recover (d)", align: "right" },
    { header: "loss (share-days)", align: "right" },
    { header: "loss (tonnes)", align: "right" },
    { header: `loss (${currency ?? "value"})`, align: "right" },
  ];
  const rows = codes
    .map((code) => [code, sim.countries[code]!] as const)
    .map(([code, c]) => {
      const i = intervals?.countries[code];
      return [
        code,
        daysInterval(c.timeToSurvive, i?.timeToSurvive, sim.horizon),
        fractionInterval(c.deepestFraction, i?.deepestFraction),
        daysInterval(c.timeToRecover, i?.timeToRecover, sim.horizon),
        amountInterval(c.resilienceLoss.shareDays, i?.resilienceLoss.shareDays),
        amountInterval(c.resilienceLoss.tonneDays, i?.resilienceLoss.tonneDays),
        c.loss === null ? "-" : quantity(c.loss),
      ];
    });
  return { columns, rows };
}

/**
 * Served share per period for `codes`: only the periods where a share changes (the first and last always), so
 * a year of weekly periods reads as the story of the disruption rather than 53 rows.
 */
function periodTable(sim: Simulation, codes: string[]) {
  const columns: Column[] = [
    { header: "day", align: "right" },
    ...codes.map((c) => ({ header: c, align: "right" as const })),
  ];
  const all = sim.periods.map((p) => [
    `${p.day}`,
    ...codes.map((c) => percent(p.countries[c]?.fraction ?? 1)),
  ]);
  const same = (a: string[], b: string[]) => a.slice(1).every((x, i) => x === b[i + 1]);
  const rows = all.filter((row, k) => k === 0 || k === all.length - 1 || !same(row, all[k - 1]!));
  return { columns, rows };
}

function nodeTable(sim: Simulation) {
  const columns: Column[] = [
    { header: "node" },
    { header: "time to survive (d)", align: "right" },
    { header: "time to recover (d)", align: "right" },
    { header: "exposed" },
  ];
  const rows = sim.nodes.map((n) => [
    n.id,
    days(n.timeToSurvive),
    `${n.timeToRecover}${n.recoveryAssumed ? "*" : ""}`,
    n.exposed ? "yes" : "",
  ]);
  return { columns, rows };
}

/** Stocks of the shown countries: left at the end of the horizon, of what they held at day 0. */
function stockLines(sim: Simulation, codes: string[]): string[] {
  const last = sim.periods[sim.periods.length - 1];
  if (!last) return [];
  const left = new Map(last.stocks.map((s) => [s.id, s.left]));
  return sim.stocks
    .filter((s) => codes.includes(s.country))
    .map(
      (s) =>
        `${s.id} (${s.country}): ${quantity(left.get(s.id) ?? 0)} of ${quantity(s.initial)} t left at day ${sim.horizon}`,
    );
}

function assumptionLines(sim: Simulation): string[] {
  const a = sim.assumptions;
  const table = (t: Record<string, number>) =>
    Object.entries(t)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
  return [
    `lead times ${a.leadTimes ? "on" : "off"}; stocks ${a.stocks ? "on" : "off"}`,
    `qualification days by stage (node attribute wins): ${table(a.qualificationDays)}`,
    `recovery days by stage (node attribute wins): ${table(a.recoveryDays)}`,
    `ramp-up days by stage (node attribute wins): ${table(a.rampDays)}`,
  ];
}

function header(sim: Simulation, p: ChartProvenance): string[] {
  const window = sim.window
    ? `days ${sim.window.startDay} to ${sim.window.endDay ?? sim.horizon}${sim.window.endDay === null ? " (to the end)" : ""}`
    : "none";
  return [
    `data: ${p.dataFile}; scenario: ${sim.scenario}; data year ${p.date}`,
    `horizon ${sim.horizon} days in periods of ${sim.step}${sim.startDate ? `; day 0 = ${sim.startDate}` : ""}; disruption: ${window}`,
  ];
}

/**
 * Render a simulation. `provenance` names the data file and date; `currency` labels money; `chartPrefix` is the
 * base name the Markdown links its chart by (`<prefix>-served.svg`); `only` = the countries shown (default: all in
 * the table, those that run short in the chart and the period table). JSON always holds everything. `intervals`
 * (from `--samples`) add the 5th-95th percentiles to the country table and the JSON (`simulate-samples.ts`).
 */
export async function formatSimulation(
  sim: Simulation,
  format: SimulateFormat,
  provenance: ChartProvenance,
  currency: string | null,
  chartPrefix = "simulate",
  only?: string[],
  withChart = true,
  intervals?: SimulationIntervals,
): Promise<RenderedReport> {
  if (format === "json") return { text: stableJson(simulationWithIntervals(sim, intervals)), charts: [] };
  // with several runs a country may have consumers in one graph only
  const codes = (only ?? Object.keys(sim.countries)).filter((c) => c in sim.countries);
  const shown = (only ?? chartCountries(sim)).filter((c) => c in sim.countries);
  const countries = countryTable(sim, currency, codes, intervals);
  const note = intervals ? [simulationIntervalNote(intervals, sim.horizon), ""] : [];
  const periods = periodTable(sim, shown);
  const nodes = nodeTable(sim);
  const exposed = sim.exposed.length ? sim.exposed.join(", ") : "none";
  if (format === "text") {
    return {
      text: [
        `Resilience over time: ${sim.scenario}`,
        ...header(sim, provenance),
        "",
        textTable(countries.columns, countries.rows),
        "",
        ...note,
        "Served share of demand per period (the periods where a share changes)",
        textTable(periods.columns, periods.rows),
        "",
        ...(sim.nodes.length
          ? [
              "Per node, alone down from day 0 (* = stage default)",
              textTable(nodes.columns, nodes.rows),
              "",
              `Exposed (TTS < TTR): ${exposed}`,
              "",
            ]
          : []),
        ...stockLines(sim, codes),
        ...(stockLines(sim, codes).length ? [""] : []),
        "Assumptions",
        ...assumptionLines(sim),
        "",
      ].join("\n"),
      charts: [],
    };
  }
  const title = `Share of demand served over time: ${sim.scenario}`;
  const charts: ChartFile[] = withChart
    ? [
        {
          name: "served",
          title,
          svg: await renderSvg(
            servedOverTimeSpec([{ label: null, sim }], provenance, { title, countries: shown }),
          ),
        },
      ]
    : [];
  return {
    text: [
      `# Resilience over time: ${markdownCell(sim.scenario)}`,
      "",
      ...header(sim, provenance).map((l) => `_${markdownCell(l)}_  `),
      "",
      markdownTable(countries.columns, countries.rows),
      "",
      ...note.map((l) => (l ? `_${markdownCell(l)}_` : l)),
      ...charts.map((ch) => `![${markdownCell(ch.title)}](${chartPrefix}-${ch.name}.svg)\n`),
      "## Served share of demand per period (the periods where a share changes)",
      "",
      markdownTable(periods.columns, periods.rows),
      "",
      ...(sim.nodes.length
        ? [
            "## Per node, alone down from day 0",
            "",
            markdownTable(nodes.columns, nodes.rows),
            "",
            `Exposed (time to survive < time to recover): ${markdownCell(exposed)}. * = stage default.`,
            "",
          ]
        : []),
      ...(stockLines(sim, codes).length
        ? ["## Stocks", "", ...stockLines(sim, codes).map((l) => `- ${markdownCell(l)}`), ""]
        : []),
      "## Assumptions",
      "",
      ...assumptionLines(sim).map((l) => `- ${markdownCell(l)}`),
      "",
    ].join("\n"),
    charts,
  };
}

/** One simulation with what its report needs. */
export interface SimulationRun {
  /** Data file, by base name. */
  file: string;
  /** Tells the run apart on the shared chart (e.g. the graph's year). */
  label: string;
  sim: Simulation;
  provenance: ChartProvenance;
  currency: string | null;
  /** The sampled intervals, with `--samples`. */
  intervals?: SimulationIntervals;
}

/**
 * Render several simulations (e.g. the same scenario on the 2010 and 2025 graphs): JSON `{runs: [{file, ...}]}`;
 * text and Markdown one report after another, the Markdown with ONE chart holding every run's curves
 * (`JP · 2010`, `JP · 2025`). A single run renders as `formatSimulation`.
 */
export async function formatSimulations(
  runs: SimulationRun[],
  format: SimulateFormat,
  chartPrefix = "simulate",
  only?: string[],
): Promise<RenderedReport> {
  if (runs.length === 1) {
    const r = runs[0]!;
    return formatSimulation(r.sim, format, r.provenance, r.currency, chartPrefix, only, true, r.intervals);
  }
  if (format === "json")
    return {
      text: stableJson({
        runs: runs.map((r) => ({ file: r.file, ...simulationWithIntervals(r.sim, r.intervals) })),
      }),
      charts: [],
    };
  const parts = await Promise.all(
    runs.map((r) =>
      formatSimulation(r.sim, format, r.provenance, r.currency, chartPrefix, only, false, r.intervals),
    ),
  );
  if (format === "text") return { text: parts.map((p) => p.text).join("\n"), charts: [] };
  const provenance: ChartProvenance = {
    dataFile: runs.map((r) => r.file).join(", "),
    scenario: [...new Set(runs.map((r) => r.sim.scenario))].join(", "),
    date: runs.map((r) => r.provenance.date).join(", "),
  };
  const title = `Share of demand served over time: ${runs.map((r) => r.label).join(" vs ")}`;
  const chart: ChartFile = {
    name: "served",
    title,
    svg: await renderSvg(
      servedOverTimeSpec(
        runs.map((r) => ({ label: r.label, sim: r.sim })),
        provenance,
        { title, ...(only ? { countries: only } : {}) },
      ),
    ),
  };
  return {
    text: [
      `![${markdownCell(title)}](${chartPrefix}-${chart.name}.svg)`,
      "",
      ...parts.map((p) => p.text),
    ].join("\n"),
    charts: [chart],
  };
}
