/**
 * The `simulate` report in text, Markdown (with the served-over-time chart as an SVG file beside it) or JSON.
 * JSON is the result itself (`Simulation`): `periods`, `countries`, `nodes` and the rest, keys in builder order.
 */
import type { Simulation } from "../simulate/types.js";
import type { ChartFile, RenderedReport } from "./_compare-cells.js";
import { type ChartProvenance, renderSvg } from "./charts.js";
import { servedOverTimeSpec } from "./simulate-chart.js";
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

function countryTable(sim: Simulation, currency: string | null) {
  const columns: Column[] = [
    { header: "country" },
    { header: "time to survive (d)", align: "right" },
    { header: "deepest", align: "right" },
    { header: "time to recover (d)", align: "right" },
    { header: "loss (share-days)", align: "right" },
    { header: "loss (tonnes)", align: "right" },
    { header: `loss (${currency ?? "value"})`, align: "right" },
  ];
  const rows = Object.entries(sim.countries).map(([code, c]) => [
    code,
    days(c.timeToSurvive),
    percent(c.deepestFraction),
    days(c.timeToRecover),
    quantity(c.resilienceLoss.shareDays),
    quantity(c.resilienceLoss.tonneDays),
    c.loss === null ? "-" : quantity(c.loss),
  ]);
  return { columns, rows };
}

/** Served share per period and country; only the countries that run short (all when none does). */
function periodTable(sim: Simulation) {
  const all = Object.keys(sim.countries);
  const short = all.filter((c) => sim.countries[c]!.timeToSurvive !== null);
  const codes = short.length ? short : all;
  const columns: Column[] = [
    { header: "day", align: "right" },
    ...codes.map((c) => ({ header: c, align: "right" as const })),
  ];
  const rows = sim.periods.map((p) => [
    `${p.day}`,
    ...codes.map((c) => percent(p.countries[c]?.fraction ?? 1)),
  ]);
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

function stockLines(sim: Simulation): string[] {
  const first = sim.periods[0];
  const last = sim.periods[sim.periods.length - 1];
  if (!first || !last || last.stocks.length === 0) return [];
  return last.stocks.map((s) => `${s.id}: ${quantity(s.left)} t left at day ${sim.horizon}`);
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
 * base name the Markdown links its chart by (`<prefix>-served.svg`).
 */
export async function formatSimulation(
  sim: Simulation,
  format: SimulateFormat,
  provenance: ChartProvenance,
  currency: string | null,
  chartPrefix = "simulate",
): Promise<RenderedReport> {
  if (format === "json") return { text: stableJson(sim), charts: [] };
  const countries = countryTable(sim, currency);
  const periods = periodTable(sim);
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
        "Served share of demand per period",
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
        ...stockLines(sim),
        ...(stockLines(sim).length ? [""] : []),
        "Assumptions",
        ...assumptionLines(sim),
        "",
      ].join("\n"),
      charts: [],
    };
  }
  const title = `Share of demand served over time: ${sim.scenario}`;
  const charts: ChartFile[] = [
    { name: "served", title, svg: await renderSvg(servedOverTimeSpec(sim, provenance, { title })) },
  ];
  return {
    text: [
      `# Resilience over time: ${markdownCell(sim.scenario)}`,
      "",
      ...header(sim, provenance).map((l) => `_${markdownCell(l)}_  `),
      "",
      markdownTable(countries.columns, countries.rows),
      "",
      ...charts.map((ch) => `![${markdownCell(ch.title)}](${chartPrefix}-${ch.name}.svg)\n`),
      "## Served share of demand per period",
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
      ...(stockLines(sim).length
        ? ["## Stocks", "", ...stockLines(sim).map((l) => `- ${markdownCell(l)}`), ""]
        : []),
      "## Assumptions",
      "",
      ...assumptionLines(sim).map((l) => `- ${markdownCell(l)}`),
      "",
    ].join("\n"),
    charts,
  };
}
