import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../src/io/write-atomic.js";
import { OutputError } from "../../src/model/errors.js";

describe("writeFileAtomic", () => {
  it("replaces an existing file and leaves no temp file", () => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-out-"));
    const out = join(dir, "report.txt");
    writeFileSync(out, "old");
    writeFileAtomic(out, "new");
    expect(readFileSync(out, "utf8")).toBe("new");
    expect(readdirSync(dir)).toEqual(["report.txt"]);
  });

  it("refuses a directory as output (E_OUTPUT_IS_DIR) and a missing parent (E_OUTPUT)", () => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-out-"));
    expect(() => writeFileAtomic(dir, "x")).toThrow(expect.objectContaining({ code: "E_OUTPUT_IS_DIR" }));
    const missing = join(dir, "no", "such", "r.txt");
    expect(() => writeFileAtomic(missing, "x")).toThrow(OutputError);
    expect(existsSync(join(dir, "no"))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("gives each concurrent writer a complete file (unique temp names)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-out-"));
    const out = join(dir, "r.txt");
    const a = "a".repeat(100_000);
    const b = "b".repeat(100_000);
    await Promise.all([
      Promise.resolve().then(() => writeFileAtomic(out, a)),
      Promise.resolve().then(() => writeFileAtomic(out, b)),
    ]);
    expect([a, b]).toContain(readFileSync(out, "utf8"));
    expect(readdirSync(dir)).toEqual(["r.txt"]);
  });
});
