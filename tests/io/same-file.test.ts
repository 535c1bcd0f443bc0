import { linkSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkDistinctPaths, fileIdentity } from "../../src/io/same-file.js";

describe("checkDistinctPaths", () => {
  const dir = mkdtempSync(join(tmpdir(), "chokepoint-same-"));
  const a = join(dir, "a.json");
  writeFileSync(a, "{}");
  symlinkSync(a, join(dir, "sym.json"));
  linkSync(a, join(dir, "hard.json"));

  it("sees one file behind a relative path, a symlink and a hard link", () => {
    const id = fileIdentity(a);
    for (const p of [join(dir, ".", "a.json"), join(dir, "sym.json"), join(dir, "hard.json")])
      expect(fileIdentity(p)).toBe(id);
    expect(fileIdentity(join(dir, "new.txt"))).toBe(
      fileIdentity(join(dir, "..", "", dir.split("/").pop()!, "new.txt")),
    );
  });

  it("refuses an output that is an input (E_OUTPUT_IS_INPUT) or another output (E_OUTPUT_SAME)", () => {
    expect(() => checkDistinctPaths([a], [join(dir, "sym.json")])).toThrow(
      expect.objectContaining({ code: "E_OUTPUT_IS_INPUT" }),
    );
    expect(() => checkDistinctPaths([a], [join(dir, "r.txt"), join(dir, ".", "r.txt")])).toThrow(
      expect.objectContaining({ code: "E_OUTPUT_SAME" }),
    );
    expect(() => checkDistinctPaths([a], [join(dir, "r.txt"), join(dir, "s.txt")])).not.toThrow();
  });
});
