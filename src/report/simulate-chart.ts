/**
 * The simulation's chart: served fraction over time per country (a step line per country, one point per period),
 * with the disruption window shaded. Vega-Lite, rendered to SVG by `renderSvg` like every other chart.
 */
import type { TopLevelSpec } from "vega-lite";
import type { Simulation } from "../simulate/types.js";
import type { ChartProvenance } from "./charts.js";

/** Options of the served-over-time chart. */
export interface ServedOverTimeOptions {
  /** Countries drawn, in legend order; default: every country with a shortfall, else all. */
  countries?: string[];
  title?: string;
  width?: number;
  height?: number;
}

/** The countries worth drawing: those that run short at some point, else all of them. */
export function chartCountries(sim: Simulation): string[] {
  const all = Object.keys(sim.countries);
  const short = all.filter((c) => sim.countries[c]!.timeToSurvive !== null);
  return short.length ? short : all;
}

/** One simulation on a chart; `label` (e.g. the graph's year) tells runs apart when several share it. */
export interface ChartRun {
  label: string | null;
  sim: Simulation;
}

/**
 * The Vega-Lite spec: one step line per country and run (`JP · 2010`), each run's disruption window shaded.
 * Countries default to those that run short in any run.
 */
export function servedOverTimeSpec(
  runs: ChartRun[],
  provenance: ChartProvenance,
  options: ServedOverTimeOptions = {},
): TopLevelSpec {
  const countries = options.countries ?? [...new Set(runs.flatMap((r) => chartCountries(r.sim)))].sort();
  const horizon = Math.max(...runs.map((r) => r.sim.horizon));
  const values: Array<{ series: string; day: number; fraction: number | null }> = [];
  const series: string[] = [];
  for (const country of countries) {
    for (const { label, sim } of runs) {
      const name = label === null ? country : `${country} · ${label}`;
      series.push(name);
      for (const p of sim.periods)
        values.push({ series: name, day: p.day, fraction: p.countries[country]?.fraction ?? null });
      // a last point at the horizon, so the step line covers the last period too
      const last = sim.periods[sim.periods.length - 1];
      if (last)
        values.push({ series: name, day: sim.horizon, fraction: last.countries[country]?.fraction ?? null });
    }
  }
  const windows = [
    ...new Map(
      runs
        .filter((r) => r.sim.window !== null)
        .map((r) => {
          const w = r.sim.window!;
          const end = Math.min(w.endDay ?? r.sim.horizon, r.sim.horizon);
          return [`${w.startDay}-${end}`, { start: w.startDay, end }] as const;
        }),
    ).values(),
  ];
  const scenarios = [...new Set(runs.map((r) => r.sim.scenario))].join(", ");
  const startDates = [...new Set(runs.map((r) => r.sim.startDate).filter((d): d is string => d !== null))];
  const title = options.title ?? `Share of demand served over time: ${scenarios}`;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: title,
      subtitle: [
        `data: ${provenance.dataFile}`,
        `scenario: ${provenance.scenario} · data year ${provenance.date}${startDates.length ? ` · day 0 = ${startDates.join(", ")}` : ""}`,
      ],
      anchor: "start",
      fontSize: 15,
      subtitleFontSize: 11,
      subtitleColor: "#555",
    },
    width: options.width ?? 560,
    height: options.height ?? 260,
    background: "white",
    config: {
      font: "sans-serif",
      axis: { labelFontSize: 11, titleFontSize: 12 },
      legend: { labelLimit: 260 },
    },
    layer: [
      {
        data: { values: windows },
        mark: { type: "rect", color: "#d62728", opacity: 0.12 },
        encoding: { x: { field: "start", type: "quantitative" }, x2: { field: "end" } },
      },
      {
        data: { values },
        mark: { type: "line", interpolate: "step-after" },
        encoding: {
          x: {
            field: "day",
            type: "quantitative",
            title: "day of the simulation (shaded: the disruption)",
            scale: { domain: [0, horizon] },
          },
          y: {
            field: "fraction",
            type: "quantitative",
            title: "served demand (% of the country's demand)",
            axis: { format: ".0%" },
            scale: { domain: [0, 1] },
          },
          color: {
            field: "series",
            type: "nominal",
            title: runs.length > 1 ? "country · run" : "country",
            sort: series,
            legend: { orient: "bottom", columns: 6 },
          },
        },
      },
    ],
  } as TopLevelSpec;
}
