/**
 * The `compare` report as text, Markdown (with SVG charts beside it) or JSON. Pure: the charts come back as
 * `{name, svg}` for the CLI to write next to the Markdown file.
 */
import type { Comparison } from "../compare/compare.js";
import type { CompareSamples } from "../compare/compare-samples.js";
import { compareSamplesSection } from "./compare-samples.js";
import type { CountryMetrics } from "../compare/country-metrics.js";
import {
  type BarDatum,
  type ChartProvenance,
  groupedBarSpec,
  type LineDatum,
  lineSpec,
  renderSvg,
} from "./charts.js";
import {
  type Column,
  markdownCell,
  markdownTable,
  percent,
  quantity,
  stableJson,
  textTable,
} from "./table.js";

import {
  type ChartFile,
  type CompareFormat,
  days,
  money,
  OBJECTIVES,
  pp,
  shareWithRange,
  type RenderedReport,
  signed,
  signedMoney,
  top,
} from "./_compare-cells.js";

export type { ChartFile, CompareFormat, RenderedReport };

/** The metric rows of one country's column. */
function metricCells(m: CountryMetrics, currency: string | null): string[] {
  const stages = ["mine", "refinery", "metal", "magnet"];
  return [
    String(m.consumers),
    quantity(m.demand),
    ...OBJECTIVES.map((o) =>
      o === "max-total"
        ? shareWithRange(m.servedFraction[o] ?? 0, m.servedFractionRange)
        : percent(m.servedFraction[o] ?? 0),
    ),
    percent(m.servedFirst),
    String(m.cutOff.length),
    String(m.singlePointsAbroad.length),
    m.singlePointsAbroad[0] ? `${m.singlePointsAbroad[0].id} (${m.singlePointsAbroad[0].country})` : "-",
    String(m.countryFailureSetsAbroad.length),
    m.countryFailureSetsAbroad.length
      ? m.countryFailureSetsAbroad
          .slice(0, 3)
          .map((s) => s.countries.join("+"))
          .join(", ")
      : "-",
    top(m.importShares),
    top(m.lookThrough.mine ?? {}),
    top(m.lookThrough.refinery ?? {}),
    ...stages.map((s) => (m.supplierHhi[s] === undefined ? "-" : m.supplierHhi[s].toFixed(0))),
    quantity(m.stockpileDays),
    days(m.timeToSurviveDays),
    quantity(m.shortfall),
    m.losses ? money(m.losses.days90, currency) : "-",
    m.losses ? money(m.losses.days365, currency) : "-",
    m.robustness === null ? "-" : m.robustness.toFixed(3),
  ];
}

function metricLabels(units: string): string[] {
  return [
    "consumers",
    `demand (${units})`,
    "served, max-total (range over optima)",
    "served, max-min",
    "served, proportional rationing",
    "served, frozen routing",
    "served if served first",
    "consumers cut off",
    "single points of failure abroad",
    "largest single point abroad",
    "country failure sets abroad",
    "smallest sets (up to 3)",
    "imports by origin (top 3)",
    "mined origin (look-through)",
    "separated origin (look-through)",
    "supplier HHI, mine",
    "supplier HHI, refinery",
    "supplier HHI, metal",
    "supplier HHI, magnet",
    "stock cover (days of demand)",
    "time-to-survive (max-total)",
    `shortfall (${units})`,
    "loss, 90-day cut-off",
    "loss, 365-day cut-off",
    "robustness R (0-1, own supply cone)",
  ];
}

function changeCells(c: Comparison["change"][number], currency: string | null): string[] {
  const blank = "";
  return [
    blank,
    blank,
    ...OBJECTIVES.map((o) => (c.servedFraction[o] === undefined ? "-" : pp(c.servedFraction[o]))),
    pp(c.servedFirst),
    signed(c.consumersCutOff, String(c.consumersCutOff)),
    signed(c.singlePointsAbroad, String(c.singlePointsAbroad)),
    blank,
    signed(c.countryFailureSetsAbroad, String(c.countryFailureSetsAbroad)),
    blank,
    blank,
    blank,
    blank,
    blank,
    blank,
    blank,
    blank,
    signed(c.stockpileDays, `${quantity(c.stockpileDays)} d`),
    c.timeToSurviveDays === null ? "-" : signed(c.timeToSurviveDays, `${quantity(c.timeToSurviveDays)} d`),
    signed(c.shortfall, quantity(c.shortfall)),
    c.losses90 === null ? "-" : signedMoney(c.losses90, currency),
    c.losses365 === null ? "-" : signedMoney(c.losses365, currency),
    c.robustness === null ? "-" : signed(c.robustness, c.robustness.toFixed(3)),
  ];
}

/** A titled table: a row per metric. */
export interface MetricTable {
  /** The country the table is about, or null for a table of countries side by side. */
  country: string | null;
  columns: Column[];
  rows: string[][];
}

/**
 * The comparison as tables with a row per metric: with one column, a single table of countries side by side;
 * with several, one table per country with a column per graph/scenario and the change from first to last.
 */
export function comparisonTables(c: Comparison): MetricTable[] {
  const units = c.columns[0]?.units ?? "t/yr";
  const currency = c.columns[0]?.currency ?? null;
  const labels = metricLabels(units);
  const build = (country: string | null, heads: string[], cells: string[][]): MetricTable => ({
    country,
    columns: [{ header: "metric" }, ...heads.map((header) => ({ header, align: "right" as const }))],
    rows: labels.map((label, r) => [label, ...cells.map((col) => col[r]!)]),
  });
  if (c.columns.length === 1)
    return [
      build(
        null,
        c.countries,
        c.countries.map((_, k) => metricCells(c.metrics[0]![k]!, currency)),
      ),
    ];
  return c.countries.map((country, k) =>
    build(
      country,
      [...c.columns.map((col) => col.label), "change"],
      [
        ...c.columns.map((_, i) => metricCells(c.metrics[i]![k]!, currency)),
        changeCells(c.change[k]!, currency),
      ],
    ),
  );
}

function details(c: Comparison, md: boolean): string[] {
  const lines: string[] = [];
  const esc = (s: string) => (md ? markdownCell(s) : s);
  c.columns.forEach((col, i) => {
    c.countries.forEach((country, k) => {
      const m = c.metrics[i]![k]!;
      const head = `${country}, ${col.label}`;
      const cut = m.cutOff.length ? m.cutOff.join(", ") : "none";
      const spof = m.singlePointsAbroad.length
        ? m.singlePointsAbroad
            .map((p) => `${p.id} (${p.country}; cuts ${p.consumers.join(", ")}, ${quantity(p.demand)} t/yr)`)
            .join("; ")
        : "none";
      const sets = m.countryFailureSetsAbroad.length
        ? m.countryFailureSetsAbroad
            .map((x) => `${x.countries.join("+")} (cuts ${x.consumers.join(", ")})`)
            .join("; ")
        : "none";
      lines.push(
        md
          ? `- **${esc(head)}**: cut off: ${esc(cut)}. Single points of failure abroad: ${esc(spof)}. Country failure sets abroad: ${esc(sets)}.`
          : `${head}`,
      );
      if (!md)
        lines.push(
          `  cut off: ${cut}`,
          `  single points of failure abroad: ${spof}`,
          `  country failure sets abroad: ${sets}`,
        );
    });
  });
  return lines;
}

function provenance(c: Comparison): ChartProvenance {
  const files = [...new Set(c.columns.map((col) => col.file))].join(", ");
  const scenarios = [...new Set(c.columns.map((col) => col.scenario))].join(", ");
  const years = [...new Set(c.columns.map((col) => col.year ?? "n/a"))].join(", ");
  return { dataFile: files, scenario: scenarios, date: years };
}

/** The compare charts: served demand by country and column, and the countries' attack curves. */
export async function comparisonCharts(c: Comparison): Promise<ChartFile[]> {
  const p = provenance(c);
  const bars: BarDatum[] = [];
  const lines: LineDatum[] = [];
  c.columns.forEach((col, i) => {
    c.countries.forEach((country, k) => {
      const m = c.metrics[i]![k]!;
      const group = c.columns.length === 1 ? country : `${country} · ${col.label}`;
      for (const o of OBJECTIVES) bars.push({ group, series: o, value: m.servedFraction[o] ?? 0 });
      // Once served demand is zero it stays zero: draw two steps of the tail, not dozens.
      const zero = m.attackCurve.indexOf(0);
      const shown = zero < 0 ? m.attackCurve : m.attackCurve.slice(0, zero + 3);
      shown.forEach((y, x) => {
        lines.push({ series: group, x, y });
      });
    });
  });
  const charts: ChartFile[] = [];
  const servedTitle = "Share of demand served, by country and objective";
  charts.push({
    name: "served",
    title: servedTitle,
    svg: await renderSvg(
      groupedBarSpec(
        bars,
        {
          title: servedTitle,
          xTitle: c.columns.length === 1 ? "country (ISO 3166 code)" : "country · graph and scenario",
          yTitle: "served demand (% of the country's demand)",
          seriesTitle: "objective",
          percent: true,
          width: Math.max(360, Math.min(900, bars.length * 30)),
        },
        p,
      ),
    ),
  });
  if (lines.length) {
    const attackTitle = "Attack curves: demand still served as facilities fail, most damaging first";
    charts.push({
      name: "attack",
      title: attackTitle,
      svg: await renderSvg(
        lineSpec(
          lines,
          {
            title: attackTitle,
            xTitle: "facilities removed (count, in order of the served demand each costs alone)",
            yTitle: "served demand (% of the country's demand)",
            seriesTitle: "country",
            percent: true,
          },
          p,
        ),
      ),
    });
  }
  return charts;
}

/**
 * Render a comparison. `chartPrefix` is the base name the Markdown links charts by (`<prefix>-served.svg`).
 */
export async function formatComparison(
  c: Comparison,
  format: CompareFormat,
  chartPrefix = "compare",
  samples?: CompareSamples,
): Promise<RenderedReport> {
  if (format === "json")
    return { text: stableJson(samples ? { ...c, uncertainty: samples } : c), charts: [] };
  const sampled = samples ? compareSamplesSection(samples, format === "md") : [];
  const tables = comparisonTables(c);
  const p = provenance(c);
  const source = `data: ${p.dataFile}; scenario: ${p.scenario}; data year ${p.date}`;
  if (format === "text") {
    return {
      text: [
        `Resilience compared (${c.countries.join(", ")}) - ${source}`,
        "",
        ...tables.flatMap((t) => [...(t.country ? [t.country] : []), textTable(t.columns, t.rows), ""]),
        ...sampled,
        ...details(c, false),
        "",
      ].join("\n"),
      charts: [],
    };
  }
  const charts = await comparisonCharts(c);
  return {
    text: [
      `# Resilience compared: ${markdownCell(c.countries.join(", "))}`,
      "",
      `_${markdownCell(source)}_`,
      "",
      ...tables.flatMap((t) => [
        ...(t.country ? [`## ${t.country}`, ""] : []),
        markdownTable(t.columns, t.rows),
        "",
      ]),
      ...charts.map((ch) => `![${markdownCell(ch.title)}](${chartPrefix}-${ch.name}.svg)\n`),
      ...sampled,
      "## Details",
      "",
      ...details(c, true),
      "",
    ].join("\n"),
    charts,
  };
}

// ------------------------------------------------------------------------------------------------ levers
