import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../_helpers/cli.js";
import { serializedFromText } from "../_helpers/graph-from-text.js";

const dir = mkdtempSync(join(tmpdir(), "chokepoint-compare-samples-"));
const file = join(dir, "g.json");
writeFileSync(
  file,
  JSON.stringify(
    serializedFromText(`
      a [mine AU output=ore capacity=40(20..60)]
      b [mine US output=ore capacity=50]
      jp [consumer JP demand=100]
      us [consumer US demand=100]
      a -> jp volume=40
      b -> us volume=50
    `),
  ),
);
// A scenario file that disrupts nothing (the default no-china needs the bundled graph).
const scenario = join(dir, "none.json");
writeFileSync(scenario, JSON.stringify({ name: "none" }));
const BASE = ["compare", file, "--scenario", scenario, "--no-robustness", "--threads", "1"];

describe("chokepoint compare --samples", () => {
  it("prints intervals and P(JP < US); JSON adds `uncertainty`, the same for the same seed", async () => {
    const text = await runCli([...BASE, "--samples", "50", "--seed", "4"]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/P\(JP < US\) = \d\.\d\d/);
    expect(text.stdout).toMatch(/\d+\.\d% \(\d+\.\d-\d+\.\d\)/);
    const json = await runCli([...BASE, "--samples", "50", "--seed", "4", "--format", "json"]);
    const { uncertainty } = JSON.parse(json.stdout);
    expect(uncertainty.samples).toEqual({ n: 50, seed: 4 });
    expect(uncertainty.columns[0].below[0]).toMatchObject({ a: "JP", b: "US" });
    expect(Object.keys(uncertainty.columns[0].servedFraction.JP)).toEqual(["p05", "p50", "p95"]);
    const again = await runCli([...BASE, "--samples", "50", "--seed", "4", "--format", "json"]);
    expect(again.stdout).toBe(json.stdout);
  });
});
