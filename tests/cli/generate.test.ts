import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkGraphFile } from "../../src/io/load-graph.js";
import { runCli } from "../_helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "chokepoint-generate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("chokepoint generate", () => {
  it("refuses bad options with exit code 2", async () => {
    expect((await runCli(["generate", "--nodes", "5"])).code).toBe(2);
    expect((await runCli(["generate", "--nodes", "many"])).code).toBe(2);
    expect((await runCli(["generate", "--sole-frac", "1.5"])).code).toBe(2);
  });

  it("writes the same valid file to --out as to stdout, for the same seed", async () => {
    const out = join(dir, "g.json");
    const written = await runCli(["generate", "--nodes", "200", "--seed", "3", "--out", out]);
    expect(written.code).toBe(0);
    const printed = await runCli(["generate", "--nodes", "200", "--seed", "3"]);
    expect(readFileSync(out, "utf8")).toBe(printed.stdout);
    const check = checkGraphFile(out);
    expect(check.problems).toEqual([]);
    expect(check.graph?.order).toBe(200);
  });
});
