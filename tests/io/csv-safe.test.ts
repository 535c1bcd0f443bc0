import { describe, expect, it } from "vitest";
import { csvSafe, csvSafeRow } from "../../src/io/csv-safe.js";

describe("csvSafe", () => {
  it("prefixes text cells a spreadsheet would read as a formula, also after leading spaces", () => {
    for (const cell of ["=1+1", "+1", "-5", "@SUM(A1)", "\tx", "\rx", " =cmd", "  +x", "\u00a0=x", "\n=x"])
      expect(csvSafe(cell)).toBe(`'${cell}`);
  });

  it("leaves plain text, numbers and booleans alone", () => {
    for (const cell of ["Toyota", " a-b", "a=b", ""]) expect(csvSafe(cell)).toBe(cell);
    expect(csvSafeRow([-5, 0, true, null, "-x"])).toEqual([-5, 0, true, null, "'-x"]);
  });
});
