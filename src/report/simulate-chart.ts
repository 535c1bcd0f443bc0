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

/** The Vega-Lite spec. */
export function servedOverTimeSpec(
  sim: Simulation,
  provenance: ChartProvenance,
  options: ServedOverTimeOptions = {},
): TopLevelSpec {
  const countries = options.countries ?? chartCountries(sim);
  const values = countries.flatMap((country) =>
    sim.periods.map((p) => ({ country, day: p.day, fraction: p.countries[country]?.fraction ?? null })),
  );
  // a last point at the horizon, so the step line covers the last period too
  for (const country of countries) {
    const last = sim.periods[sim.periods.length - 1];
    if (last) values.push({ country, day: sim.horizon, fraction: last.countries[country]?.fraction ?? null });
  }
  const windows = sim.window
    ? [
        {
          start: sim.window.startDay,
          end: Math.min(sim.window.endDay ?? sim.horizon, sim.horizon),
          label: "disruption",
        },
      ]
    : [];
  const title = options.title ?? `Share of demand served over time: ${sim.scenario}`;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: title,
      subtitle: [
        `data: ${provenance.dataFile}`,
        `scenario: ${provenance.scenario} · data year ${provenance.date}${sim.startDate ? ` · day 0 = ${sim.startDate}` : ""}`,
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
            scale: { domain: [0, sim.horizon] },
          },
          y: {
            field: "fraction",
            type: "quantitative",
            title: "served demand (% of the country's demand)",
            axis: { format: ".0%" },
            scale: { domain: [0, 1] },
          },
          color: {
            field: "country",
            type: "nominal",
            title: "country",
            sort: countries,
            legend: { orient: "bottom", columns: 6 },
          },
        },
      },
    ],
  } as TopLevelSpec;
}
