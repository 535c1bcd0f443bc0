import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../_helpers/cli.js";
import { serializedFromText } from "../_helpers/graph-from-text.js";

const dir = mkdtempSync(join(tmpdir(), "chokepoint-summary-"));
const file = join(dir, "g.json");
writeFileSync(
  file,
  JSON.stringify(
    serializedFromText(`
      m1 [mine CN output=ore]
      m2 [mine AU output=ore]
      r1 [refinery CN output=ox]
      r2 [refinery MY output=ox]
      car [consumer JP demand=10 label=<img_src=x_onerror=alert(1)>]
      m1 -> r1 volume=30
      m2 -> r2 volume=10
      r1 -> car volume=6
      r2 -> car volume=4
    `),
  ),
);

describe("chokepoint summary", () => {
  it("prints stable JSON with the documented shape", async () => {
    const r = await runCli(["summary", file, "--format", "json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(["schema", "graph", "stages", "imports", "importUnits", "lookThrough"]);
    expect(json.stages.mine).toEqual({ output: 40, shares: { AU: 0.25, CN: 0.75 }, hhi: 6250, top3: 1 });
    expect(json.imports.JP).toEqual({
      total: 10,
      shares: { CN: 0.6, MY: 0.4 },
      finished: { total: 0, shares: {} },
    });
    expect(json.importUnits).toBe("t/yr");
    expect((await runCli(["summary", file, "--format", "json"])).stdout).toBe(r.stdout);
  });

  it("writes Markdown atomically to --out, escaping HTML in labels", async () => {
    const out = join(dir, "report.md");
    const r = await runCli(["summary", file, "--format", "md", "--out", out]);
    expect(r.code).toBe(0);
    const md = readFileSync(out, "utf8");
    expect(md).toContain("| stage |");
    expect(md).not.toContain("<img");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("fails with 2 before any work when --out is a directory, writing nothing", async () => {
    const r = await runCli(["summary", file, "--out", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("E_OUTPUT_IS_DIR");
  });

  it("exits 2 with the loader's problems on a bad graph", async () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{ not json");
    const r = await runCli(["summary", bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("E_PARSE");
  });
});
