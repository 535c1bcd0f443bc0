/**
 * Compare two countries' consumers under the current scenario: served fraction, time to survive and loss, as
 * small bar charts built from SVG elements (text through textContent only).
 */
import { el, formatNumber, formatPercent, replaceChildren, svg } from "../dom.js";
import { countryColor } from "../encodings.js";
import { setCompare } from "../state.js";
import type { CountryView } from "../analysis-view.js";
import { compareCurves } from "./compare-curves.js";
import type { Actions, Panel, View } from "./types.js";

interface Metric {
  title: string;
  value: (c: CountryView | undefined) => number | null;
  format: (v: number | null, c: CountryView | undefined) => string;
  /** Fixed axis maximum, or null to use the larger value. */
  max: number | null;
  /** A 90% interval drawn as an error bar, when the analysis has one. */
  interval?: (c: CountryView | undefined) => { p05: number; p95: number } | null;
}

const METRICS: Metric[] = [
  {
    title: "Served fraction of demand (range over every split with the same total)",
    value: (c) => c?.servedFraction ?? null,
    format: (v, c) => {
      const range = c?.servedFractionRange;
      if (v === null || !range || range[1] - range[0] < 5e-4) return formatPercent(v);
      return `${formatPercent(v)} (${formatPercent(range[0])}–${formatPercent(range[1])})`;
    },
    max: 1,
    interval: (c) => c?.servedInterval ?? null,
  },
  {
    title: "Time to survive (days)",
    value: (c) => c?.timeToSurviveDays ?? null,
    format: (v) => (v === null ? "–" : `${formatNumber(v, 0)} d`),
    max: null,
  },
  {
    title: "Loss over a year",
    value: (c) => c?.lossPerYear ?? null,
    format: (v, c) =>
      v === null ? "–" : `${formatNumber(v / 1e6, 0)} M${c?.currency ? ` ${c.currency}` : ""}`,
    max: null,
  },
];

const WIDTH = 280;
const BAR = 16;
const LABEL = 30;

function chart(
  metric: Metric,
  countries: [string, string],
  data: ReadonlyMap<string, CountryView>,
  colors: string[],
) {
  const values = countries.map((c) => metric.value(data.get(c)));
  const max = metric.max ?? Math.max(0, ...values.map((v) => v ?? 0));
  const height = countries.length * (BAR + 6) + 4;
  const s = svg("svg", { width: WIDTH, height, class: "bars", role: "img", "aria-label": metric.title });
  countries.forEach((country, i) => {
    const v = values[i] ?? null;
    const y = 2 + i * (BAR + 6);
    const w = v !== null && max > 0 ? Math.max(1, ((WIDTH - LABEL - 95) * Math.min(v, max)) / max) : 0;
    s.append(
      svg("text", { x: 0, y: y + BAR - 4, class: "bar-label" }, country),
      svg("rect", { x: LABEL, y, width: WIDTH - LABEL - 95, height: BAR, fill: "#f0f0f0" }),
      svg("rect", { x: LABEL, y, width: w, height: BAR, fill: colors[i] ?? "#888" }),
      svg("text", { x: WIDTH - 90, y: y + BAR - 4, class: "bar-value" }, metric.format(v, data.get(country))),
    );
    const interval = metric.interval?.(data.get(country));
    if (interval && max > 0) {
      // The 5th-95th percentile over the ranges of the data, as an error bar with whiskers.
      const at = (x: number) => LABEL + ((WIDTH - LABEL - 95) * Math.min(Math.max(x, 0), max)) / max;
      const mid = y + BAR / 2;
      const bar = svg("g", { class: "error-bar" });
      s.append(bar);
      bar.append(
        svg("line", { x1: at(interval.p05), x2: at(interval.p95), y1: mid, y2: mid, class: "error-bar" }),
        svg("line", {
          x1: at(interval.p05),
          x2: at(interval.p05),
          y1: y + 3,
          y2: y + BAR - 3,
          class: "error-bar",
        }),
        svg("line", {
          x1: at(interval.p95),
          x2: at(interval.p95),
          y1: y + 3,
          y2: y + BAR - 3,
          class: "error-bar",
        }),
        svg("title", {}, `90% interval ${formatPercent(interval.p05)} – ${formatPercent(interval.p95)}`),
      );
    }
  });
  return el("figure", {}, el("figcaption", {}, metric.title), s);
}

export function comparePanel(container: HTMLElement, actions: Actions): Panel {
  const a = el("select", { id: "compare-a", "aria-label": "First country" });
  const b = el("select", { id: "compare-b", "aria-label": "Second country" });
  const change = () => {
    if (a.value && b.value) actions.dispatch((s) => setCompare(s, [a.value, b.value]));
  };
  a.addEventListener("change", change);
  b.addEventListener("change", change);
  const charts = el("div", { id: "compare-charts" });
  container.append(
    el(
      "section",
      { class: "panel", id: "compare" },
      el("h2", {}, "Compare two countries"),
      el("div", { class: "row" }, a, el("span", {}, "vs"), b),
      charts,
    ),
  );
  return {
    update(view: View) {
      const countries = view.analysis
        ? [...view.analysis.countries.keys()].sort()
        : view.encodings.countries.map((c) => c.country).sort();
      for (const [select, value] of [
        [a, view.state.compare[0]],
        [b, view.state.compare[1]],
      ] as const) {
        const list = countries.includes(value) ? countries : [value, ...countries];
        replaceChildren(select, ...list.map((c) => el("option", { value: c }, c)));
        select.value = value;
      }
      if (!view.analysis?.complete) {
        replaceChildren(charts, el("p", { class: "hint" }, "Computing served demand, survival and losses…"));
        return;
      }
      const pair = view.state.compare;
      const colors = pair.map((c) => countryColor(view.encodings, c));
      const data = view.analysis.countries;
      const missing = pair.filter((c) => !data.has(c));
      replaceChildren(
        charts,
        ...METRICS.map((m) => chart(m, pair, data, colors)),
        compareCurves(view.timeline, pair, colors),
        missing.length > 0 && el("p", { class: "hint" }, `No consumers in ${missing.join(", ")}.`),
        el(
          "p",
          { class: "hint" },
          "Bars for all consumers of each country under the current scenario; – means the analysis does not give a value. Error bars: 5th-95th percentile over the ranges of the data (200 samples).",
        ),
      );
    },
  };
}
