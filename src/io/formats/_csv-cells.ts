/**
 * Spreadsheet-safe text cells that still read back exactly. Writing uses the report layer's `csvSafe` (a text
 * cell that a spreadsheet would run as a formula gets a `'` in front: OWASP "CSV Injection", CWE-1236). For a
 * graph file the prefix must also come OFF when the table is read back, so the one ambiguous case gets one
 * more quote: a text that already begins with quotes before a formula character (`'=x` is written `''=x`).
 * Reading then removes exactly one quote whenever what follows would need one: `=x` ↔ `'=x`, `'=x` ↔ `''=x`,
 * and `'hello` stays `'hello`.
 */
import { csvSafe } from "../csv-safe.js";

/** Quotes, then what `csvSafe` treats as a formula start (leading spaces or NBSP, then = + - @ tab CR). */
const QUOTED_FORMULA = /^'+[\s\u00a0]*[=+\-@\t\r]/;
const FORMULA_START = /^'*[\s\u00a0]*[=+\-@\t\r]/;

/** The cell text to write for a text value. Numbers are never passed here: they stay numbers. */
export function protectTextCell(text: string): string {
  return QUOTED_FORMULA.test(text) ? `'${text}` : csvSafe(text);
}

/** The inverse of `protectTextCell`, applied to text cells read from our CSV files. */
export function unprotectTextCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
