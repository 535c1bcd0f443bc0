/**
 * Plain-text and Markdown tables. Markdown cells escape `|` and fold newlines to spaces (GFM tables), and
 * escape HTML-significant characters so that a label like `<img onerror=...>` stays text in a rendered report.
 */

/** Column alignment: numbers read best right-aligned. */
export type Align = "left" | "right";

export interface Column {
  header: string;
  align?: Align;
}

/** A fixed-width text table with a header rule. */
export function textTable(columns: Column[], rows: string[][]): string {
  const widths = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (columns[i]?.align === "right" ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [
    line(columns.map((c) => c.header)),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.map(line),
  ].join("\n");
}

/** Escape text for a Markdown table cell. */
export function markdownCell(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|");
}

/** A GFM table. */
export function markdownTable(columns: Column[], rows: string[][]): string {
  const header = `| ${columns.map((c) => markdownCell(c.header)).join(" | ")} |`;
  const rule = `|${columns.map((c) => (c.align === "right" ? "---:" : "---")).join("|")}|`;
  return [header, rule, ...rows.map((r) => `| ${r.map(markdownCell).join(" | ")} |`)].join("\n");
}

/** A fraction as a percentage with one decimal: 0.6912 → "69.1%". */
export function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

/** A quantity with thousands separators and no more decimals than useful. */
export function quantity(value: number): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 1 ? 1 : 3;
  return value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** Stable JSON: two-space indent and a final newline. Keys are ordered by the result builders. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
