/**
 * The selected node: its attributes and sources as text (links only for http(s) URLs), and for a consumer what
 * the analyses say under the current scenario: supplied or cut off, served demand, single points of failure,
 * country-level failure sets, fastest route, time to survive.
 */
import { el, formatNumber, formatPercent, replaceChildren, sourceNode } from "../dom.js";
import { toggleNode } from "../state.js";
import type { Actions, Panel, View } from "./types.js";

/** Attributes shown in this order; the rest follow alphabetically. */
const ORDER = [
  "label",
  "stage",
  "country",
  "operator",
  "output",
  "capacity",
  "demand",
  "recipe",
  "status",
  "since",
];
// x and y: where the drawing puts the node (the viewer writes them; no file may set them)
const SKIP = new Set(["sources", "notes", "label", "ranges", "x", "y"]);

function valueText(value: unknown): string {
  if (typeof value === "number") return formatNumber(value, 3);
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

export function detailsPanel(container: HTMLElement, actions: Actions): Panel {
  const section = el("section", { class: "panel", id: "details" });
  container.append(section);
  const nodeLink = (view: View, id: string): HTMLElement => {
    const b = el(
      "button",
      { type: "button", class: "link", "data-node": id },
      view.graph.getNodeAttribute(id, "label"),
    );
    b.addEventListener("click", () => actions.focusNode(id));
    return b;
  };
  return {
    update(view: View) {
      const id = view.state.selected;
      if (id === null || !view.graph.hasNode(id)) {
        replaceChildren(
          section,
          el("h2", {}, "Selection"),
          el(
            "p",
            { class: "hint" },
            "Click a node to see its data; click a consumer to see its routes and weak points.",
          ),
        );
        return;
      }
      const a = view.graph.getNodeAttributes(id);
      const analysis = view.analysis;
      const out = analysis?.nodeOut.has(id) ?? false;
      const removedByClick = view.state.removedNodes.includes(id);
      const toggle = el(
        "button",
        { type: "button", id: "toggle-node" },
        removedByClick ? "Restore this node" : "Remove this node",
      );
      toggle.disabled = out && !removedByClick;
      if (toggle.disabled) toggle.title = "removed by the scenario or a country toggle";
      toggle.addEventListener("click", () => actions.dispatch((s) => toggleNode(s, id), { undoable: true }));

      const parts: Node[] = [el("h2", {}, a.label), el("p", { class: "id" }, `id: ${id}`)];
      if (out) parts.push(el("p", { class: "warn" }, "Out in this scenario (removed, or not online)."));
      parts.push(toggle);
      if (view.aggregated) {
        // a super-node (`CN|magnet`): draw its facilities with their direct partners
        const drill = el("button", { type: "button", id: "drill-down" }, "Drill down: draw its facilities");
        drill.addEventListener("click", () => actions.drillDown(id));
        parts.push(drill);
      }

      const consumer = analysis?.consumers.get(id);
      if (consumer) {
        const c = consumer;
        // reachability says whether supply can arrive at all; the flow says how much of the demand it covers
        const short = c.supplied && c.servedFraction !== null && c.servedFraction < 0.999;
        const status = el(
          "p",
          { id: "consumer-status", class: c.supplied && !short ? "ok" : "bad" },
          !c.supplied
            ? `Cut off${c.missing.length ? `: no ${c.missing.join(", ")}` : ""}`
            : short
              ? `Starved: still connected, but only ${formatPercent(c.servedFraction)} of its demand can be served`
              : c.servedFraction !== null
                ? "Supplied: all of its demand is served"
                : "Supplied (served demand: computing…)",
        );
        parts.push(el("h3", {}, "Under this scenario"), status);
        const facts = el("dl", { class: "facts" });
        const fact = (k: string, v: string) => facts.append(el("dt", {}, k), el("dd", {}, v));
        fact("demand", `${formatNumber(c.demand)} t/yr`);
        if (c.served !== null)
          fact("served (flow)", `${formatNumber(c.served)} t/yr (${formatPercent(c.servedFraction)})`);
        else if (!analysis!.complete) fact("served (flow)", "computing…");
        if (c.timeToSurviveDays !== null)
          fact("time to survive", `${formatNumber(c.timeToSurviveDays, 0)} days`);
        parts.push(facts);
        parts.push(el("h3", {}, "Single points of failure"));
        parts.push(
          analysis!.stage === "reach"
            ? el("p", { id: "spof-list", class: "hint" }, "computing…")
            : c.singlePointsOfFailure.length
              ? el(
                  "ul",
                  { id: "spof-list" },
                  ...c.singlePointsOfFailure.map((n) => el("li", {}, nodeLink(view, n))),
                )
              : el(
                  "p",
                  { id: "spof-list", class: "hint" },
                  c.supplied ? "none: no single facility cuts it off" : "not applicable: already cut off",
                ),
        );
        parts.push(el("h3", {}, "Countries whose loss cuts it off"));
        parts.push(
          c.countryFailureSets.length
            ? el(
                "ul",
                { id: "country-sets" },
                ...c.countryFailureSets.map((set) => el("li", {}, set.join(" + "))),
              )
            : el(
                "p",
                { id: "country-sets", class: "hint" },
                !analysis!.complete ? "computing…" : c.supplied ? "none found" : "already cut off",
              ),
        );
        parts.push(
          el(
            "h3",
            {},
            `Fastest supply route${c.leadTimeDays !== null ? ` (${formatNumber(c.leadTimeDays, 0)} days)` : ""}`,
          ),
        );
        const route = c.route ?? c.routeBefore;
        parts.push(
          route
            ? el(
                "ol",
                { id: "route", class: c.route ? "" : "lost" },
                ...route.map((n) => el("li", {}, nodeLink(view, n))),
              )
            : el("p", { id: "route", class: "hint" }, "none"),
        );
        if (!c.route && c.routeBefore)
          parts.push(
            el("p", { class: "warn" }, "No route left: the route above is the baseline's, now broken."),
          );
      } else if (analysis === null && (a.demand ?? 0) > 0) {
        parts.push(el("p", { class: "hint" }, "Analysing…"));
      }

      const metrics = analysis?.centrality[id];
      if (metrics) {
        parts.push(el("h3", {}, "In the network"));
        const facts = el("dl", { class: "facts" });
        facts.append(
          el("dt", {}, "betweenness"),
          el("dd", {}, formatNumber(metrics.betweenness, 3)),
          el("dt", {}, "share of baseline volume"),
          el("dd", {}, formatPercent(metrics.volumeShare)),
        );
        parts.push(facts);
      }
      parts.push(el("h3", {}, "Attributes"));
      const table = el("dl", { class: "facts", id: "attributes" });
      const keys = Object.keys(a).filter((k) => !SKIP.has(k));
      keys.sort((p, q) => {
        const i = ORDER.indexOf(p);
        const j = ORDER.indexOf(q);
        return (i < 0 ? 99 : i) - (j < 0 ? 99 : j) || (p < q ? -1 : 1);
      });
      for (const k of keys) table.append(el("dt", {}, k), el("dd", {}, valueText(a[k])));
      parts.push(table);
      const ranges = Object.entries(a.ranges ?? {});
      if (ranges.length) {
        // The uncertainty of the estimates (docs/uncertainty.md): low – high, and how the bounds were set.
        const list = el("dl", { class: "facts", id: "ranges" });
        for (const [k, r] of ranges)
          list.append(
            el("dt", {}, k),
            el(
              "dd",
              {},
              `${formatNumber(r.low, 3)} – ${formatNumber(r.high, 3)}${r.why ? ` (${r.why})` : ""}`,
            ),
          );
        parts.push(el("h3", {}, "Ranges (uncertain estimates)"), list);
      }
      if (a.notes) parts.push(el("h3", {}, "Notes"), el("p", { class: "notes" }, a.notes));
      if (a.sources?.length)
        parts.push(
          el("h3", {}, "Sources"),
          el("ul", { id: "sources" }, ...a.sources.map((s) => el("li", {}, sourceNode(s)))),
        );
      replaceChildren(section, ...parts);
    },
  };
}
