/** What the scenario does: removed nodes, consumers cut off or starved, and the chokepoints ranked. */
import { el, formatNumber, formatPercent, replaceChildren } from "../dom.js";
import { CHOKEPOINT_LIST_LENGTH } from "../settings.js";
import type { Actions, Panel, View } from "./types.js";

/** Lists stop here (a large graph can cut off thousands of consumers); the rest is counted. */
const MAX_LISTED = 100;

function more(total: number): Node | false {
  return total > MAX_LISTED && el("li", { class: "hint" }, `… and ${total - MAX_LISTED} more`);
}

export function impactPanel(container: HTMLElement, actions: Actions): Panel {
  const section = el("section", { class: "panel", id: "impact" });
  container.append(section);
  return {
    update(view: View) {
      const a = view.analysis;
      if (a === null) {
        replaceChildren(section, el("h2", {}, "Impact"), el("p", { class: "hint" }, "Analysing…"));
        return;
      }
      const link = (id: string, text?: string) => {
        const b = el(
          "button",
          { type: "button", class: "link", "data-node": id },
          text ?? view.graph.getNodeAttribute(id, "label"),
        );
        b.addEventListener("click", () => actions.focusNode(id));
        return b;
      };
      const consumers = [...a.consumers.values()];
      const totalDemand = consumers.reduce((s, c) => s + c.demand, 0);
      const cutDemand = a.cutOff.reduce((s, id) => s + (a.consumers.get(id)?.demand ?? 0), 0);
      const starved = consumers
        .filter((c) => c.supplied && c.servedFraction !== null && c.servedFraction < 0.999)
        .sort((p, q) => (p.servedFraction ?? 0) - (q.servedFraction ?? 0) || (p.id < q.id ? -1 : 1));
      // Served demand (capacity-aware) leads; reachability follows, worded as "connected".
      const withFlow = consumers.filter((c) => c.served !== null);
      const served = withFlow.reduce((s, c) => s + (c.served ?? 0), 0);
      const parts: Node[] = [
        el("h2", {}, "Impact"),
        el("p", { id: "scenario-name" }, `Scenario: ${a.scenarioName}`),
        withFlow.length
          ? el(
              "p",
              { id: "impact-served" },
              `Served: ${formatPercent(totalDemand > 0 ? served / totalDemand : 0)} of demand can be met with ` +
                `the capacities left (${formatNumber(served)} of ${formatNumber(totalDemand)} t/yr).`,
            )
          : el("p", { id: "impact-served", class: "hint" }, "Served demand: computing…"),
        el(
          "p",
          { id: "impact-summary" },
          `${a.removed.size} nodes removed; ${a.cutOff.length} of ${consumers.length} consumers cut off ` +
            `(${formatPercent(totalDemand > 0 ? cutDemand / totalDemand : 0)} of demand); the other ` +
            `${consumers.length - a.cutOff.length} are still connected (a complete route, whatever the capacity).`,
        ),
        // What origin rules (Announcement 61's content test) cut, as text: the data never becomes HTML.
        ...a.originCuts.map((line) => el("p", { class: "origin-cut" }, line)),
      ];
      if (a.cutOff.length) {
        parts.push(el("h3", {}, "Cut off"));
        parts.push(
          el(
            "ul",
            { id: "cut-off-list" },
            ...a.cutOff.slice(0, MAX_LISTED).map((id) => {
              const c = a.consumers.get(id);
              return el(
                "li",
                { "data-node": id },
                link(id),
                el("small", {}, c?.missing.length ? ` no ${c.missing.join(", ")}` : ""),
              );
            }),
            more(a.cutOff.length),
          ),
        );
      }
      if (starved.length) {
        parts.push(el("h3", {}, "Starved (served in part)"));
        parts.push(
          el(
            "ul",
            { id: "starved-list" },
            ...starved
              .slice(0, MAX_LISTED)
              .map((c) =>
                el("li", {}, link(c.id), el("small", {}, ` ${formatPercent(c.servedFraction)} served`)),
              ),
            more(starved.length),
          ),
        );
      }
      const ranked = a.chokepoints
        .filter((c) => c.consumersCut > 0 || (c.demandLost ?? 0) > 0)
        .slice(0, CHOKEPOINT_LIST_LENGTH);
      parts.push(el("h3", {}, "Chokepoints (what each cuts off alone)"));
      parts.push(
        ranked.length
          ? el(
              "ol",
              { id: "chokepoint-list" },
              ...ranked.map((c) =>
                el(
                  "li",
                  { "data-node": c.id },
                  link(c.id),
                  el(
                    "small",
                    {},
                    ` ${c.consumersCut} consumers, ${formatNumber(c.demandCut)} t/yr` +
                      (c.demandLost !== null ? `; flow loss ${formatNumber(c.demandLost)} t/yr` : ""),
                  ),
                ),
              ),
            )
          : el("p", { id: "chokepoint-list", class: "hint" }, "no single facility cuts off a consumer"),
      );
      if (!a.complete)
        parts.push(
          el("p", { class: "hint", id: "computing" }, "Computing served demand, survival and losses…"),
        );
      for (const note of a.notes) parts.push(el("p", { class: "warn" }, note));
      replaceChildren(section, ...parts);
    },
  };
}
