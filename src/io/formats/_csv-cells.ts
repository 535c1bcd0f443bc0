/**
 * Spreadsheet-safe text cells that still read back exactly. A text cell that a spreadsheet would run as a
 * formula (it begins with `=`, `+`, `-`, `@`, tab or carriage return, also after leading spaces or NBSP: the
 * known bypasses of plain prefix checks) is written with a `'` in front (OWASP "CSV Injection", CWE-1236).
 * Cells that already begin with `'` before such a character get one more `'`, so that reading removes exactly
 * one and every text round-trips: `=x` ↔ `'=x`, `'=x` ↔ `''=x`, `'hello` stays `'hello`.
 */

/** Would a spreadsheet (after stripping our quote prefixes) treat this text as a formula? */
const FORMULA_START = /^'*[\s\u00a0]*[=+\-@\t\r]/;

/** The cell text to write for a text value. Numbers are never passed here: they stay numbers. */
export function protectTextCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse of `protectTextCell`, applied to text cells read from our CSV files. */
export function unprotectTextCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
