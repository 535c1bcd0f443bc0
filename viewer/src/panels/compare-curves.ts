/**
 * The compare panel's curves: each country's served share of demand period by period from the timeline's
 * simulation (step lines, since a period's share holds for all its days), with the day shown marked. SVG
 * elements only; labels through textContent.
 */
import { el, svg } from "../dom.js";
import type { TimelineState } from "../timeline.js";
import { countryCurve, periodAt } from "../timeline-view.js";

const WIDTH = 280;
const HEIGHT = 96;
const LEFT = 30;
const BOTTOM = 14;

/** The curves of `countries` (in `colors`), or a hint while the simulation runs. */
export function compareCurves(
  timeline: TimelineState,
  countries: readonly string[],
  colors: readonly string[],
) {
  const data = timeline.data;
  const caption = el("figcaption", {}, "Served share of demand over a year, week by week (timeline)");
  if (!data) {
    const hint = timeline.error ?? "Simulating the year…";
    return el("figure", { id: "compare-curves" }, caption, el("p", { class: "hint" }, hint));
  }
  const x = (day: number) => LEFT + ((WIDTH - LEFT - 4) * day) / Math.max(1, data.horizon);
  const y = (f: number) => 4 + (HEIGHT - BOTTOM - 4) * (1 - Math.max(0, Math.min(1, f)));
  const s = svg("svg", {
    width: WIDTH,
    height: HEIGHT,
    class: "curves",
    role: "img",
    "aria-label": `Served share over time: ${countries.join(", ")}`,
  });
  s.append(
    svg("line", { x1: LEFT, x2: WIDTH - 4, y1: y(0), y2: y(0), class: "axis" }),
    svg("line", { x1: LEFT, x2: LEFT, y1: y(0), y2: y(1), class: "axis" }),
    svg("text", { x: 0, y: y(1) + 4, class: "bar-label" }, "100%"),
    svg("text", { x: 8, y: y(0), class: "bar-label" }, "0%"),
    svg(
      "text",
      { x: WIDTH - 4, y: HEIGHT - 2, class: "bar-label", "text-anchor": "end" },
      `day ${data.horizon}`,
    ),
  );
  countries.forEach((code, i) => {
    const curve = countryCurve(data, code);
    if (curve.length === 0) return;
    // a period's share holds from its first day to the next period's
    const points = curve.flatMap((p, k) => {
      const end = curve[k + 1]?.day ?? data.horizon;
      return [`${x(p.day)},${y(p.fraction)}`, `${x(end)},${y(p.fraction)}`];
    });
    s.append(
      svg(
        "polyline",
        {
          points: points.join(" "),
          fill: "none",
          stroke: colors[i] ?? "#888",
          "stroke-width": 2,
          "data-country": code,
        },
        svg("title", {}, code),
      ),
    );
  });
  const shown = periodAt(data, timeline.index);
  if (timeline.active && shown)
    s.append(
      svg("line", { x1: x(shown.day), x2: x(shown.day), y1: y(0), y2: y(1), class: "timeline-cursor" }),
    );
  return el("figure", { id: "compare-curves" }, caption, s);
}
