/** The `levers --over-time` section: pillars ranked by the resilience loss they avoid (text or Markdown). */
import type { LeverResilienceRanking } from "../compare/lever-resilience.js";
import { type Column, markdownCell, markdownTable, percent, quantity, textTable } from "./table.js";

/** The ranking as a text or Markdown section. */
export function formatLeverResilience(r: LeverResilienceRanking, format: "text" | "md"): string {
  const columns: Column[] = [
    { header: "lever" },
    { header: "pillar" },
    { header: "loss avoided (share-days)", align: "right" },
    { header: "loss avoided (tonnes)", align: "right" },
    { header: "time to survive without (d)", align: "right" },
    { header: "deepest without", align: "right" },
  ];
  const rows = r.levers.map((l) => [
    l.lever,
    l.pillar,
    quantity(l.lossAvoided.shareDays),
    quantity(l.lossAvoided.tonneDays),
    l.takenAway.timeToSurvive === null ? "-" : `${l.takenAway.timeToSurvive}`,
    percent(l.takenAway.deepestFraction),
  ]);
  const lead = `Over time (simulate): ${r.country} under ${r.scenario}; with every pillar in place the loss is ${quantity(r.allKept.resilienceLoss.shareDays)} share-days (${quantity(r.allKept.resilienceLoss.tonneDays)} t)`;
  return format === "md"
    ? [
        `## Pillars over time: ${markdownCell(r.country)}`,
        "",
        `_${markdownCell(lead)}_`,
        "",
        markdownTable(columns, rows),
        "",
      ].join("\n")
    : [lead, textTable(columns, rows), ""].join("\n");
}
