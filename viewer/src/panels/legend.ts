/** The legend: what colours, sizes, widths and marks mean, for the current encodings. */
import { el, formatNumber, replaceChildren, svg } from "../dom.js";
import { countryColor } from "../encodings.js";
import {
  CHOKEPOINT_RING_COLOR,
  CUT_OFF_COLOR,
  FADED_NODE_COLOR,
  MATERIAL_COLORS,
  MATERIAL_LABELS,
  type MaterialClass,
  materialClass,
  OTHER_COUNTRY_COLOR,
  STOCK_LEFT_COLOR,
} from "../settings.js";
import type { Panel, View } from "./types.js";

/** Countries listed by name in the legend; the rest are summed up as "other". */
const LEGEND_COUNTRIES = 11;

function swatch(color: string, shape: "dot" | "line" = "dot"): SVGSVGElement {
  return shape === "dot"
    ? svg("svg", { width: 12, height: 12, class: "sw" }, svg("circle", { cx: 6, cy: 6, r: 5, fill: color }))
    : svg(
        "svg",
        { width: 18, height: 12, class: "sw" },
        svg("line", { x1: 1, y1: 6, x2: 17, y2: 6, stroke: color, "stroke-width": 3 }),
      );
}

function ring(kind: "chokepoint" | "cut" | "starved" | "removed" | "stock"): SVGSVGElement {
  const s = svg("svg", { width: 18, height: 18, class: "sw" });
  if (kind === "removed") s.append(svg("circle", { cx: 9, cy: 9, r: 5, fill: FADED_NODE_COLOR }));
  else s.append(svg("circle", { cx: 9, cy: 9, r: 5, fill: "#888" }));
  if (kind === "chokepoint")
    s.append(
      svg("circle", {
        cx: 9,
        cy: 9,
        r: 8,
        fill: "none",
        stroke: CHOKEPOINT_RING_COLOR,
        "stroke-width": 1.5,
        "stroke-dasharray": "3 1.5",
      }),
    );
  if (kind === "cut")
    s.append(
      svg("circle", { cx: 9, cy: 9, r: 7.5, fill: "none", stroke: CUT_OFF_COLOR, "stroke-width": 2 }),
      svg("path", { d: "M6 6L12 12M12 6L6 12", stroke: CUT_OFF_COLOR, "stroke-width": 1.5 }),
    );
  if (kind === "starved")
    s.append(
      svg("path", { d: "M9 9L9 4A5 5 0 0 0 4 9Z", fill: CUT_OFF_COLOR, "fill-opacity": 0.7 }),
      svg("circle", { cx: 9, cy: 9, r: 7, fill: "none", stroke: CUT_OFF_COLOR, "stroke-width": 1 }),
    );
  if (kind === "stock")
    s.append(
      svg("circle", {
        cx: 9,
        cy: 9,
        r: 7.5,
        fill: "none",
        stroke: STOCK_LEFT_COLOR,
        "stroke-opacity": 0.2,
        "stroke-width": 2,
      }),
      svg("path", {
        d: "M9 1.5A7.5 7.5 0 0 1 16.5 9",
        fill: "none",
        stroke: STOCK_LEFT_COLOR,
        "stroke-width": 2,
      }),
    );
  return s;
}

export function legendPanel(container: HTMLElement): Panel {
  const body = el("div", { class: "legend-body" });
  // open by default; a click on the summary folds it away when it hides part of the graph
  container.append(el("details", { open: true }, el("summary", {}, "Legend"), body));
  return {
    update(view: View) {
      const { encodings, state, graph } = view;
      const rows: Node[] = [];
      const right: Node[] = [];
      if (state.colorBy === "country") {
        rows.push(el("h4", {}, "Node colour: country"));
        const shown = encodings.countries.filter((c) => encodings.countryColors.has(c.country));
        const grid = el("div", { class: "lg-grid" });
        for (const { country } of shown.slice(0, LEGEND_COUNTRIES))
          grid.append(el("div", { class: "lg" }, swatch(countryColor(encodings, country)), country));
        if (encodings.countries.length > Math.min(shown.length, LEGEND_COUNTRIES))
          grid.append(el("div", { class: "lg" }, swatch(OTHER_COUNTRY_COLOR), "others"));
        rows.push(grid);
      } else {
        rows.push(el("h4", {}, "Node colour: stage"));
        for (const [stage, color] of encodings.stageColors)
          rows.push(el("div", { class: "lg" }, swatch(color), stage));
      }
      if (state.layout === "map") {
        let unplaced = 0;
        graph.forEachNode((_n, a) => {
          if (typeof a.lat !== "number" || typeof a.lon !== "number") unplaced++;
        });
        if (unplaced > 0)
          rows.push(
            el("p", { class: "hint" }, `${unplaced} nodes without coordinates stand east of the map.`),
          );
      }
      const max = encodings.maxima[state.sizeBy];
      rows.push(
        el(
          "p",
          { class: "hint" },
          state.sizeBy === "capacity"
            ? `Node size: capacity (consumers: demand), area ∝ tonnes/yr, largest ${formatNumber(max)} t`
            : `Node size: baseline throughput, area ∝ tonnes/yr, largest ${formatNumber(max)} t`,
        ),
      );
      right.push(el("h4", {}, "Edge colour: material shipped"));
      const present = new Set<MaterialClass>();
      graph.forEachNode((_n, a) => {
        if (a.output) present.add(materialClass(a.output));
      });
      for (const cls of ["light", "heavy", "magnet", "other"] as const)
        if (present.has(cls))
          right.push(el("div", { class: "lg" }, swatch(MATERIAL_COLORS[cls], "line"), MATERIAL_LABELS[cls]));
      right.push(
        el(
          "p",
          { class: "hint" },
          `Edge width: baseline volume (largest ${formatNumber(encodings.maxima.volume)} t/yr)`,
        ),
      );
      right.push(el("h4", {}, "Scenario marks"));
      right.push(el("div", { class: "lg" }, ring("removed"), "removed, or planned and not online"));
      right.push(el("div", { class: "lg" }, ring("cut"), "consumer cut off (no supply)"));
      right.push(el("div", { class: "lg" }, ring("starved"), "consumer starved: red = share not served"));
      right.push(el("div", { class: "lg" }, ring("chokepoint"), "chokepoint (number = rank)"));
      right.push(el("div", { class: "lg" }, ring("stock"), "timeline: blue = share of the stock left"));
      replaceChildren(body, el("div", {}, ...rows), el("div", {}, ...right));
    },
  };
}
