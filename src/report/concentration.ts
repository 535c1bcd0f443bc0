/** The concentration report as text, Markdown or JSON. */
import type { ConcentrationReport } from "../analysis/concentration.js";
import { type Column, markdownTable, percent, quantity, stableJson, textTable } from "./table.js";

export type ReportFormat = "text" | "md" | "json";

function topShares(shares: Record<string, number>, n = 5): string {
  return Object.entries(shares)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([c, f]) => `${c} ${percent(f)}`)
    .join(", ");
}

/** Render a concentration report in the given format. */
export function formatConcentrationReport(
  report: ConcentrationReport,
  format: ReportFormat,
  units = "t/yr",
): string {
  if (format === "json") return stableJson(report);
  const table = format === "md" ? markdownTable : textTable;
  const stageCols: Column[] = [
    { header: "stage" },
    { header: `output (${units})`, align: "right" },
    { header: "HHI", align: "right" },
    { header: "top-3", align: "right" },
    { header: "largest countries" },
  ];
  const stageRows = Object.entries(report.stages).map(([stage, s]) => [
    stage,
    quantity(s.output),
    s.hhi.toFixed(0),
    percent(s.top3),
    topShares(s.shares),
  ]);
  const importUnits = report.importUnits || units;
  const importCols: Column[] = [
    { header: "country" },
    { header: `compounds & metals (${importUnits})`, align: "right" },
    { header: "by origin" },
    { header: `finished goods (${importUnits})`, align: "right" },
    { header: "by origin" },
  ];
  const importRows = Object.entries(report.imports).map(([c, i]) => [
    c,
    quantity(i.total),
    topShares(i.shares),
    quantity(i.finished.total),
    topShares(i.finished.shares),
  ]);
  const title = `${report.graph.name || "graph"}${report.graph.year ? ` (${report.graph.year})` : ""}: ${report.graph.nodes} nodes, ${report.graph.edges} edges`;
  const h = (text: string) => (format === "md" ? `## ${text}` : `${text}\n${"=".repeat(text.length)}`);
  const parts = [
    format === "md" ? `# ${title}` : title,
    "",
    h("Concentration by stage"),
    table(stageCols, stageRows),
    "",
    h("Imports by origin"),
    table(importCols, importRows),
  ];
  for (const [stage, byCountry] of Object.entries(report.lookThrough)) {
    const rows = Object.entries(byCountry).map(([c, shares]) => [c, topShares(shares)]);
    parts.push(
      "",
      h(`Look-through: origin of the ${stage} stage in each country's consumption`),
      table([{ header: "consumer country" }, { header: "origin" }], rows),
    );
  }
  return `${parts.join("\n")}\n`;
}
