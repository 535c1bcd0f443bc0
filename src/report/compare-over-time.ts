/** The `compare --over-time` section: a table per column and country, and one chart of every served curve. */
import type { ColumnOverTime } from "../compare/over-time.js";
import type { ChartFile } from "./_compare-cells.js";
import { renderSvg } from "./charts.js";
import { servedOverTimeSpec } from "./simulate-chart.js";
import { type Column, markdownCell, markdownTable, percent, quantity, textTable } from "./table.js";

const days = (d: number | null) => (d === null ? "-" : `${d}`);

/** The table as text or Markdown. */
export function formatCompareOverTime(columns: ColumnOverTime[], format: "text" | "md"): string {
  const header: Column[] = [
    { header: "column" },
    { header: "country" },
    { header: "time to survive (d)", align: "right" },
    { header: "deepest", align: "right" },
    { header: "time to recover (d)", align: "right" },
    { header: "loss (share-days)", align: "right" },
    { header: "loss (tonnes)", align: "right" },
  ];
  const rows = columns.flatMap((col) =>
    Object.entries(col.countries).map(([code, r]) => [
      col.label,
      code,
      days(r.timeToSurvive),
      percent(r.deepestFraction),
      days(r.timeToRecover),
      quantity(r.resilienceLoss.shareDays),
      quantity(r.resilienceLoss.tonneDays),
    ]),
  );
  const lead = "Over time (simulate: a year in weekly periods; see docs/simulate.md)";
  return format === "md"
    ? ["## Over time", "", `_${markdownCell(lead)}_`, "", markdownTable(header, rows), ""].join("\n")
    : [lead, textTable(header, rows), ""].join("\n");
}

/** Every column's served curves for the compared countries on one chart (`JP · 2010 no-china`). */
export async function compareOverTimeChart(
  columns: ColumnOverTime[],
  countries: string[],
): Promise<ChartFile> {
  const title = "Share of demand served over time";
  const spec = servedOverTimeSpec(
    columns.map((c) => ({ label: columns.length > 1 ? c.label : null, sim: c.simulation })),
    {
      dataFile: [...new Set(columns.map((c) => c.file))].join(", "),
      scenario: [...new Set(columns.map((c) => c.scenario))].join(", "),
      date: [...new Set(columns.map((c) => c.label))].join(", "),
    },
    { title, countries },
  );
  return { name: "over-time", title, svg: await renderSvg(spec) };
}
