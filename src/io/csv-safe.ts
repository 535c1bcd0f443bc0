/**
 * Neutralise spreadsheet formulas in CSV text cells (OWASP "CSV Injection", CWE-1236): a cell that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return, also after leading spaces (csv-stringify's `escape_formulas`
 * misses `" =cmd"`, library-pitfalls.md), gets a leading `'`. Numbers are not touched: they stay numbers.
 */

const FORMULA_START = /^[\s\u00a0]*[=+\-@\t\r]/;

/** The cell, prefixed with `'` when a spreadsheet could read it as a formula. Non-strings pass through. */
export function csvSafe<T>(cell: T): T | string {
  if (typeof cell !== "string") return cell;
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** `csvSafe` on every cell of a row. */
export function csvSafeRow(row: readonly unknown[]): unknown[] {
  return row.map(csvSafe);
}
