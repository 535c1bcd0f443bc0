/** Hover tooltip: a node's name, place and role, as text. */
import { el, formatNumber, replaceChildren } from "../dom.js";
import type { SupplyGraph } from "../../../src/model/types.js";
import type { AnalysisView } from "../analysis-view.js";
import { chokepointSet } from "../reducers.js";

/** What the analysis says about a node in one line (removed, cut off, or its chokepoint rank); null if nothing. */
export function tooltipNote(analysis: AnalysisView | null, node: string): string | null {
  if (!analysis) return null;
  if (analysis.nodeOut.has(node)) return "removed in this scenario";
  const c = analysis.consumers.get(node);
  if (c && !c.supplied) return "cut off in this scenario";
  const rank = [...chokepointSet(analysis)].indexOf(node);
  const choke = rank >= 0 ? analysis.chokepoints.find((x) => x.id === node) : undefined;
  if (!choke) return null;
  return `chokepoint #${rank + 1}: alone it cuts off ${choke.consumersCut} consumer${choke.consumersCut === 1 ? "" : "s"}`;
}

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
