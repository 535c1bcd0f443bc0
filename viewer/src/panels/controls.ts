/** Top of the left column: graph picker and file open, layout, encodings, undo/redo, zoom to fit, PNG export. */
import { el, replaceChildren } from "../dom.js";
import {
  type ColorBy,
  LAYOUTS,
  type LayoutName,
  type SizeBy,
  setColorBy,
  setLayout,
  setSizeBy,
} from "../state.js";
import type { Actions, Panel, View } from "./types.js";

export function controlsPanel(container: HTMLElement, actions: Actions): Panel {
  const title = el("h1", { id: "graph-title" });
  const graphSelect = el("select", { id: "graph-select", "aria-label": "Bundled graph" });
  graphSelect.addEventListener("change", () => {
    if (graphSelect.value) actions.loadBundled(graphSelect.value);
  });
  const fileInput = el("input", {
    type: "file",
    id: "file-input",
    accept: ".json,application/json",
    hidden: true,
  });
  fileInput.addEventListener("change", () => {
    const file = fileInput.files?.[0];
    if (file) actions.loadFile(file);
    fileInput.value = "";
  });
  const openButton = el(
    "button",
    { type: "button", title: "Open a graph file (or drop one on the page)" },
    "Open…",
  );
  openButton.addEventListener("click", () => fileInput.click());

  const layoutButtons = new Map<LayoutName, HTMLButtonElement>();
  const layoutRow = el("div", { class: "segmented", role: "group", "aria-label": "Layout" });
  for (const layout of LAYOUTS) {
    const b = el("button", { type: "button", "data-layout": layout }, layout);
    b.addEventListener("click", () => actions.dispatch((s) => setLayout(s, layout)));
    layoutButtons.set(layout, b);
    layoutRow.append(b);
  }

  const colorSelect = el(
    "select",
    { id: "color-by", "aria-label": "Colour nodes by" },
    el("option", { value: "country" }, "colour: country"),
    el("option", { value: "stage" }, "colour: stage"),
  );
  colorSelect.addEventListener("change", () =>
    actions.dispatch((s) => setColorBy(s, colorSelect.value as ColorBy)),
  );
  const sizeSelect = el(
    "select",
    { id: "size-by", "aria-label": "Size nodes by" },
    el("option", { value: "capacity" }, "size: capacity / demand"),
    el("option", { value: "throughput" }, "size: throughput"),
  );
  sizeSelect.addEventListener("change", () =>
    actions.dispatch((s) => setSizeBy(s, sizeSelect.value as SizeBy)),
  );

  const undoButton = el("button", { type: "button", id: "undo", title: "Undo (Ctrl+Z)" }, "↶ Undo");
  undoButton.addEventListener("click", () => actions.undo());
  const redoButton = el("button", { type: "button", id: "redo", title: "Redo (Ctrl+Shift+Z)" }, "↷ Redo");
  redoButton.addEventListener("click", () => actions.redo());
  const fitButton = el("button", { type: "button", id: "zoom-fit" }, "Zoom to fit");
  fitButton.addEventListener("click", () => actions.zoomToFit());
  const pngButton = el("button", { type: "button", id: "export-png" }, "Export PNG");
  pngButton.addEventListener("click", () => actions.exportPng());

  container.append(
    el(
      "section",
      { class: "panel", id: "controls" },
      title,
      el("div", { class: "row" }, graphSelect, openButton, fileInput),
      layoutRow,
      el("div", { class: "row" }, colorSelect, sizeSelect),
      el("div", { class: "row" }, undoButton, redoButton, fitButton, pngButton),
    ),
  );

  return {
    update(view: View) {
      title.textContent = view.graphTitle;
      const options = view.graphNames.map((name) => el("option", { value: name }, name));
      const current = view.graphNames.includes(view.state.graph) ? view.state.graph : "";
      if (!current) options.unshift(el("option", { value: "" }, view.graphTitle));
      replaceChildren(graphSelect, ...options);
      graphSelect.value = current;
      for (const [layout, b] of layoutButtons)
        b.setAttribute("aria-pressed", String(view.state.layout === layout));
      colorSelect.value = view.state.colorBy;
      sizeSelect.value = view.state.sizeBy;
      undoButton.disabled = !view.canUndo;
      redoButton.disabled = !view.canRedo;
    },
  };
}
