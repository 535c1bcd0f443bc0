/** Messages over the graph: loader problems, analysis errors, the large-graph choice, no WebGL. Text only. */
import { el, replaceChildren } from "../dom.js";
import { formatProblem } from "../../../src/model/errors.js";
import type { Problem } from "../../../src/model/types.js";

/** How many loader problems the page lists before summing up the rest. */
const MAX_PROBLEMS = 20;

export class Messages {
  constructor(private readonly element: HTMLElement) {}

  clear(): void {
    replaceChildren(this.element);
    this.element.className = "";
  }

  private show(kind: "error" | "info", ...children: Node[]): void {
    const close = el("button", { type: "button", class: "close", "aria-label": "Dismiss" }, "✕");
    close.addEventListener("click", () => this.clear());
    replaceChildren(this.element, close, ...children);
    this.element.className = kind;
  }

  /** A file the loader refused: its name and every problem, as the CLI's `validate` prints them. */
  loadProblems(file: string, problems: Problem[]): void {
    const errors = problems.filter((p) => p.severity === "error");
    const shown = errors.slice(0, MAX_PROBLEMS);
    this.show(
      "error",
      el("strong", {}, `${file} was not loaded: ${errors.length} error${errors.length === 1 ? "" : "s"}.`),
      el("span", {}, " The current graph is kept."),
      el("ul", { id: "load-problems" }, ...shown.map((p) => el("li", {}, formatProblem(p)))),
      errors.length > shown.length
        ? el("p", {}, `… and ${errors.length - shown.length} more`)
        : document.createTextNode(""),
    );
  }

  error(text: string): void {
    this.show("error", el("span", { id: "message-text" }, text));
  }

  info(text: string): void {
    this.show("info", el("span", { id: "message-text" }, text));
  }

  /** Ask what to do with a graph too large to draw comfortably. */
  choose(text: string, choices: Array<{ label: string; id: string; run: () => void }>): void {
    const buttons = choices.map((c) => {
      const b = el("button", { type: "button", id: c.id }, c.label);
      b.addEventListener("click", () => {
        this.clear();
        c.run();
      });
      return b;
    });
    this.show("info", el("p", { id: "message-text" }, text), el("div", { class: "row" }, ...buttons));
  }
}

/** The page without WebGL: say so plainly instead of a blank page. */
export function noWebGlMessage(container: HTMLElement): void {
  replaceChildren(
    container,
    el(
      "div",
      { id: "no-webgl", class: "error" },
      el("h2", {}, "This browser cannot draw the network: WebGL is not available."),
      el(
        "p",
        {},
        "The viewer draws with WebGL (sigma.js). Turn on hardware acceleration or WebGL in the browser settings, " +
          "or use a recent Chrome, Firefox or Safari. The command line (`npx chokepoint analyze`) gives the same " +
          "analyses as text.",
      ),
    ),
  );
}
