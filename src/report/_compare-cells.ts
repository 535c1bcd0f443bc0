/** Types and cell formatters shared by the `compare` and `levers` reports. */
import { percent, quantity } from "./table.js";

export type CompareFormat = "text" | "md" | "json";

/** A chart to write beside a Markdown report: `name` is a file-name suffix, e.g. `served`. */
export interface ChartFile {
  name: string;
  title: string;
  svg: string;
}

/** A rendered report: the text, and (Markdown only) the charts it links to as `<prefix>-<name>.svg`. */
export interface RenderedReport {
  text: string;
  charts: ChartFile[];
}

export const OBJECTIVES = ["max-total", "max-min", "proportional", "frozen-routing"] as const;

/** A max-total share with its range over all max-total optima: "15.1% (11.7-26.5)". */
export function shareWithRange(share: number, range: readonly [number, number]): string {
  const digits = (x: number) => (x * 100).toFixed(1);
  if (Math.abs(range[1] - range[0]) < 5e-4) return percent(share);
  return `${percent(share)} (${digits(range[0])}-${digits(range[1])})`;
}

export function top(shares: Record<string, number>, n = 3): string {
  const list = Object.entries(shares)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([c, f]) => `${c} ${percent(f)}`);
  return list.length ? list.join(", ") : "-";
}

export const days = (d: number | null) => (d === null ? "not short" : `${quantity(d)} d`);
/** A change with its sign; a value that rounds to zero shows as zero, never "-0" or "+0.0". */
export const signed = (v: number, text: string) => {
  const unsigned = text.replace(/^[-+]/, "");
  if (/^0(\.0+)?(?![\d.,])/.test(unsigned)) return unsigned;
  return v > 0 ? `+${unsigned}` : v < 0 ? `-${unsigned}` : unsigned;
};
export const pp = (v: number) => signed(v, `${(v * 100).toFixed(1)} pp`);
export const money = (v: number, currency: string | null) =>
  `${quantity(v / 1e6)} m${currency ? ` ${currency}` : ""}`;
export const signedMoney = (v: number, currency: string | null) => signed(v, money(v, currency));
