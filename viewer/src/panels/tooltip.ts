/** Hover tooltip: a node's name, place and role, as text. */
import { el, formatNumber, replaceChildren } from "../dom.js";
import type { SupplyGraph } from "../../../src/model/types.js";

export class Tooltip {
  constructor(private readonly element: HTMLElement) {}

  show(graph: SupplyGraph, node: string, x: number, y: number, note: string | null): void {
    const a = graph.getNodeAttributes(node);
    const parts = [`${a.stage} · ${a.country}`];
    if (a.output) parts.push(`makes ${a.output}`);
    if (a.capacity !== undefined) parts.push(`capacity ${formatNumber(a.capacity)} t/yr`);
    if (a.demand !== undefined) parts.push(`demand ${formatNumber(a.demand)} t/yr`);
    if (a.status && a.status !== "operating") parts.push(a.status);
    replaceChildren(
      this.element,
      el("strong", {}, a.label),
      el("div", {}, parts.join(" · ")),
      note && el("div", { class: "note" }, note),
    );
    this.element.hidden = false;
    const parent = this.element.parentElement?.getBoundingClientRect();
    const w = this.element.offsetWidth;
    const left = parent && x + 14 + w > parent.width ? x - 14 - w : x + 14;
    this.element.style.left = `${Math.max(0, left)}px`;
    this.element.style.top = `${y + 14}px`;
  }

  hide(): void {
    this.element.hidden = true;
  }
}
