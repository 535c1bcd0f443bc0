/**
 * Charts as SVG, rendered in Node without a browser: a Vega-Lite spec is compiled to Vega (`vega-lite`), run in a
 * headless `vega.View` (`renderer: "none"`) and serialised with `view.toSVG()`. Every chart carries a title, axis
 * titles with units, and a subtitle line naming the data file, the scenario and the date of the data (the graph's
 * year, never the clock, so reports are byte-identical run to run).
 */
import type { TopLevelSpec } from "vega-lite";

/** Where a chart's numbers come from: printed under its title. */
export interface ChartProvenance {
  /** Data file(s), by base name. */
  dataFile: string;
  /** Scenario name(s). */
  scenario: string;
  /** The date of the data, e.g. the graph's year ("2025"); several joined by commas. */
  date: string;
}

/** One bar of a grouped bar chart. */
export interface BarDatum {
  /** Category on the x axis (e.g. a country). */
  group: string;
  /** Colour series (e.g. a scenario or objective). */
  series: string;
  value: number;
}

/** One point of a line chart. */
export interface LineDatum {
  series: string;
  x: number;
  y: number;
}

/** Options of the chart builders. */
export interface ChartOptions {
  title: string;
  /** Axis titles, with units, e.g. "served demand (% of demand)". */
  xTitle: string;
  yTitle: string;
  /** Legend title. */
  seriesTitle: string;
  /** Format the value axis as a percentage (values are fractions 0-1). */
  percent?: boolean;
  width?: number;
  height?: number;
}

export const DEFAULT_CHART_OPTIONS = { percent: false, width: 520, height: 260 } as const;

/** The subtitle line naming the data file, scenario and date. */
export function provenanceLine(p: ChartProvenance): string {
  return `data: ${p.dataFile} · scenario: ${p.scenario} · data year ${p.date}`;
}

function frame(options: ChartOptions, provenance: ChartProvenance) {
  const o = { ...DEFAULT_CHART_OPTIONS, ...options };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: o.title,
      // Two short lines: headless Vega estimates text width generously, and one long line would widen the SVG.
      subtitle: [
        `data: ${provenance.dataFile}`,
        `scenario: ${provenance.scenario} · data year ${provenance.date}`,
      ],
      anchor: "start" as const,
      fontSize: 15,
      subtitleFontSize: 11,
      subtitleColor: "#555",
    },
    width: o.width,
    height: o.height,
    background: "white",
    config: {
      font: "sans-serif",
      axis: { labelFontSize: 11, titleFontSize: 12 },
      legend: { labelLimit: 260 },
    },
  };
}

/**
 * Grouped bars: one group per category, one bar per series (e.g. served fraction by country and scenario).
 * Category and series order follow first appearance in `data`.
 */
export function groupedBarSpec(
  data: BarDatum[],
  options: ChartOptions,
  provenance: ChartProvenance,
): TopLevelSpec {
  const o = { ...DEFAULT_CHART_OPTIONS, ...options };
  const groups = [...new Set(data.map((d) => d.group))];
  const series = [...new Set(data.map((d) => d.series))];
  return {
    ...frame(o, provenance),
    data: { values: data },
    mark: { type: "bar", tooltip: false },
    encoding: {
      x: {
        field: "group",
        type: "nominal",
        title: o.xTitle,
        sort: groups,
        // Long category names ("JP · 2025 + pipeline 2028") are slanted rather than overlapped or cut.
        axis: groups.some((g) => g.length > 8) ? { labelAngle: -30, labelLimit: 220 } : { labelAngle: 0 },
      },
      xOffset: { field: "series", type: "nominal", sort: series },
      y: shareAxis("value", o.yTitle, o.percent),
      color: seriesColor(o.seriesTitle, series, 2, 240),
    },
  } as TopLevelSpec;
}

/** Lines with points (e.g. attack curves: share of demand still served as nodes are removed). */
export function lineSpec(
  data: LineDatum[],
  options: ChartOptions,
  provenance: ChartProvenance,
): TopLevelSpec {
  const o = { ...DEFAULT_CHART_OPTIONS, ...options };
  const series = [...new Set(data.map((d) => d.series))];
  return {
    ...frame(o, provenance),
    data: { values: data },
    mark: { type: "line", point: true, interpolate: "step-after" },
    encoding: {
      x: { field: "x", type: "quantitative", title: o.xTitle },
      y: shareAxis("y", o.yTitle, o.percent),
      color: seriesColor(o.seriesTitle, series, 2, 240),
    },
  } as TopLevelSpec;
}

/**
 * Horizontal diverging bars (e.g. a lever's change in served demand when taken away / kept alone): one row per
 * category, one bar per series, negative values to the left.
 */
export function horizontalBarSpec(
  data: BarDatum[],
  options: ChartOptions,
  provenance: ChartProvenance,
): TopLevelSpec {
  const o = { ...DEFAULT_CHART_OPTIONS, ...options };
  const groups = [...new Set(data.map((d) => d.group))];
  const series = [...new Set(data.map((d) => d.series))];
  return {
    ...frame(o, provenance),
    data: { values: data },
    mark: { type: "bar" },
    encoding: {
      y: { field: "group", type: "nominal", title: o.yTitle, sort: groups, axis: { labelLimit: 260 } },
      yOffset: { field: "series", type: "nominal", sort: series },
      x: {
        field: "value",
        type: "quantitative",
        title: o.xTitle,
        ...(o.percent ? { axis: { format: "+.0%" } } : {}),
      },
      color: seriesColor(o.seriesTitle, series, 1, 520),
    },
  } as TopLevelSpec;
}

/** A quantitative axis of `field`; with `percent`, a share shown as 0-100 %. */
function shareAxis(field: string, title: string | undefined, percent: boolean | undefined) {
  return {
    field,
    type: "quantitative",
    title,
    ...(percent ? { axis: { format: ".0%" }, scale: { domain: [0, 1] } } : {}),
  };
}

/** The series colour, in the data's series order, with its legend under the chart. */
function seriesColor(title: string | undefined, series: string[], columns: number, labelLimit: number) {
  return {
    field: "series",
    type: "nominal",
    title,
    sort: series,
    legend: { orient: "bottom", columns, labelLimit },
  };
}

/** Render a Vega-Lite spec to an SVG string (headless; no canvas, no browser, no network). */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  // Loaded on first use: vega costs ~0.3 s to import, which every CLI command would otherwise pay.
  const [vega, { compile }] = await Promise.all([import("vega"), import("vega-lite")]);
  const compiled = compile(spec).spec;
  // Every chart carries its data inline (`data.values`), so rendering never reads a file or the network.
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
