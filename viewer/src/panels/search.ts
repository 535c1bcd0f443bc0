/** Search by name or id, with suggestions as you type; Enter or a click moves to the node and selects it. */
import { el, replaceChildren } from "../dom.js";
import type { SupplyGraph } from "../../../src/model/types.js";
import type { Actions, Panel, View } from "./types.js";

const MAX_SUGGESTIONS = 8;

/** Nodes whose label or id contains the query (case-insensitive); label prefix matches first, then by label. */
export function searchNodes(graph: SupplyGraph, query: string, limit = MAX_SUGGESTIONS): string[] {
  const q = query.trim().toLowerCase();
  if (q === "") return [];
  const hits: Array<{ id: string; label: string; rank: number }> = [];
  graph.forEachNode((id, a) => {
    const label = a.label.toLowerCase();
    const i = label.indexOf(q);
    const rank = i === 0 ? 0 : i > 0 ? 1 : id.toLowerCase().includes(q) ? 2 : -1;
    if (rank >= 0) hits.push({ id, label: a.label, rank });
  });
  hits.sort(
    (a, b) => a.rank - b.rank || (a.label < b.label ? -1 : a.label > b.label ? 1 : a.id < b.id ? -1 : 1),
  );
  return hits.slice(0, limit).map((h) => h.id);
}

export function searchPanel(container: HTMLElement, actions: Actions): Panel {
  let graph: SupplyGraph | null = null;
  let results: string[] = [];
  let active = -1;
  const input = el("input", {
    type: "search",
    id: "search",
    placeholder: "Search a facility or consumer…",
    "aria-label": "Search",
    autocomplete: "off",
    role: "combobox",
    "aria-controls": "suggestions",
    "aria-expanded": "false",
  });
  const list = el("ul", { id: "suggestions", role: "listbox" });
  const choose = (id: string) => {
    actions.focusNode(id);
    input.value = graph?.getNodeAttribute(id, "label") ?? id;
    results = [];
    render();
    actions.setMatches([]);
  };
  const render = () => {
    input.setAttribute("aria-expanded", String(results.length > 0));
    replaceChildren(
      list,
      ...results.map((id, i) => {
        const a = graph!.getNodeAttributes(id);
        const li = el(
          "li",
          { role: "option", "aria-selected": String(i === active), "data-node": id },
          a.label,
          el("small", {}, ` ${a.stage} · ${a.country}`),
        );
        li.addEventListener("mousedown", (event) => {
          event.preventDefault();
          choose(id);
        });
        return li;
      }),
    );
  };
  input.addEventListener("input", () => {
    results = graph ? searchNodes(graph, input.value) : [];
    active = results.length ? 0 : -1;
    actions.setMatches(results);
    render();
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (results.length)
        active = (active + (event.key === "ArrowDown" ? 1 : -1) + results.length) % results.length;
      render();
    } else if (event.key === "Enter" && active >= 0 && results[active]) {
      choose(results[active]!);
    } else if (event.key === "Escape") {
      results = [];
      actions.setMatches([]);
      render();
    }
  });
  input.addEventListener("blur", () => {
    results = [];
    render();
  });
  container.append(el("div", { class: "search" }, input, list));
  return {
    update(view: View) {
      graph = view.graph;
    },
  };
}
