/**
 * The `sensitivity` report: the inputs ranked by how far they swing the metric (a tornado), with their Sobol
 * indices, as text, Markdown (with a Vega-Lite tornado chart rendered to SVG beside it) or JSON.
 */
import type { TopLevelSpec } from "vega-lite";
import type { Sensitivity } from "../uncertainty/sensitivity.js";
import type { ChartFile, CompareFormat, RenderedReport } from "./_compare-cells.js";
import { type ChartProvenance, renderSvg } from "./charts.js";
import { markdownCell, markdownTable, percent, quantity, stableJson, textTable } from "./table.js";

/** How many inputs the tables and the chart show (JSON has every input). */
const TOP = 15;

/** The report's JSON: the result with the run's provenance. */
export function sensitivityJson(s: Sensitivity, provenance: ChartProvenance) {
  return { schema: 1, file: provenance.dataFile, scenario: provenance.scenario, ...s };
}

const share = (v: number | null) => (v === null ? "n/a" : percent(v));
const index = (v: number | null | undefined) => (v === null || v === undefined ? "-" : v.toFixed(2));

/** The input's name in tables and charts: `node-id capacity` or `a -> b volume`. */
export function inputLabel(x: { kind: string; id: string; attribute: string }): string {
  return `${x.kind === "edge" ? x.id.replace("->", " -> ") : x.id} ${x.attribute}`;
}

/** A tornado: per input, a bar from the nominal metric to its value at the input's low end and one to its high. */
export function tornadoSpec(s: Sensitivity, provenance: ChartProvenance): TopLevelSpec {
  const shown = s.inputs.filter((x) => x.swing > 0).slice(0, TOP);
  const nominal = s.nominal ?? 0;
  const data = shown.flatMap((x) => [
    { input: inputLabel(x), end: "input at its low end", from: nominal, to: x.low ?? nominal },
    { input: inputLabel(x), end: "input at its high end", from: nominal, to: x.high ?? nominal },
  ]);
  const order = shown.map(inputLabel);
  const title = `What moves ${s.metric}: one input at a time from its low to its high end`;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: title,
      subtitle: [
        `data: ${provenance.dataFile}`,
        `scenario: ${provenance.scenario} · data year ${provenance.date}`,
      ],
      anchor: "start",
      fontSize: 15,
      subtitleFontSize: 11,
      subtitleColor: "#555",
    },
    width: 520,
    height: Math.max(80, 22 * shown.length),
    background: "white",
    config: { font: "sans-serif", axis: { labelFontSize: 11, titleFontSize: 12 } },
    layer: [
      {
        data: { values: data },
        mark: { type: "bar", opacity: 0.85 },
        encoding: {
          y: {
            field: "input",
            type: "nominal",
            sort: order,
            title: "uncertain input",
            axis: { labelLimit: 300 },
          },
          x: {
            field: "from",
            type: "quantitative",
            title: `${s.metric} (share of demand served)`,
            axis: { format: ".0%" },
          },
          x2: { field: "to" },
          color: {
            field: "end",
            type: "nominal",
            title: "",
            sort: ["input at its low end", "input at its high end"],
            legend: { orient: "bottom" },
          },
        },
      },
      {
        data: { values: [{ nominal }] },
        mark: { type: "rule", color: "#333" },
        encoding: { x: { field: "nominal", type: "quantitative" } },
      },
    ],
  } as TopLevelSpec;
}

function table(s: Sensitivity, md: boolean): string {
  const rows = s.inputs
    .slice(0, TOP)
    .map((x) => [
      inputLabel(x),
      `${quantity(x.range.low)} / ${quantity(x.value)} / ${quantity(x.range.high)}`,
      share(x.low),
      share(x.high),
      `${(x.swing * 100).toFixed(1)} pp`,
      index(x.sobol?.first),
      index(x.sobol?.total),
    ]);
  const columns = [
    { header: "input" },
    { header: "low / value / high", align: "right" as const },
    { header: "at low", align: "right" as const },
    { header: "at high", align: "right" as const },
    { header: "swing", align: "right" as const },
    { header: "Sobol S1", align: "right" as const },
    { header: "Sobol ST", align: "right" as const },
  ];
  return (md ? markdownTable : textTable)(columns, rows);
}

/** Render the sensitivity report; `chartPrefix` names the tornado chart file (`<prefix>-tornado.svg`). */
export async function formatSensitivity(
  s: Sensitivity,
  format: CompareFormat,
  provenance: ChartProvenance,
  chartPrefix = "sensitivity",
): Promise<RenderedReport> {
  if (format === "json") return { text: stableJson(sensitivityJson(s, provenance)), charts: [] };
  const md = format === "md";
  const title = `Sensitivity of ${s.metric} - data: ${provenance.dataFile}; scenario: ${provenance.scenario}`;
  const summary = [
    `${s.metric} with every input at its value: ${share(s.nominal)}` +
      (s.interval
        ? `; over ${s.samples!.n * 2} samples (seed ${s.samples!.seed}, ${s.distribution}): median ${share(s.interval.p50)}, 90% interval ${share(s.interval.p05)}-${share(s.interval.p95)}.`
        : "."),
    `${s.inputs.length} uncertain inputs, largest swing first${s.inputs.length > TOP ? ` (${TOP} shown)` : ""}. ` +
      "Swing: the metric with the input at its low end vs its high end, the others at their values. " +
      "Sobol S1 / ST: share of the metric's variance due to the input alone / with its interactions, all inputs varying.",
  ];
  if (!md)
    return {
      text: [title, "=".repeat(title.length), ...summary, "", table(s, false), ""].join("\n"),
      charts: [],
    };
  const charts: ChartFile[] = [];
  if (s.inputs.some((x) => x.swing > 0)) {
    const spec = tornadoSpec(s, provenance);
    charts.push({ name: "tornado", title: `Tornado: what moves ${s.metric}`, svg: await renderSvg(spec) });
  }
  return {
    text: [
      `# ${markdownCell(title)}`,
      "",
      ...summary.map(markdownCell),
      "",
      table(s, true),
      "",
      ...charts.map((c) => `![${markdownCell(c.title)}](${chartPrefix}-${c.name}.svg)\n`),
    ].join("\n"),
    charts,
  };
}
