import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../_helpers/cli.js";
import { serializedFromText } from "../_helpers/graph-from-text.js";

const dir = mkdtempSync(join(tmpdir(), "chokepoint-flow-samples-"));
const file = join(dir, "g.json");
writeFileSync(
  file,
  JSON.stringify(
    serializedFromText(`
      a [mine AU output=ore capacity=60(30..90)]
      r [refinery JP output=ox recipe=ore:1.2]
      jp [consumer JP demand=80]
      us [consumer US demand=40]
      a -> r volume=60
      r -> jp volume=40
      a -> us volume=20(0..30)
    `),
  ),
);
// A scenario that disrupts nothing, as flags (the default no-china needs the bundled graph).
const BASE = ["flow", file, "--scale", "node=a:1", "--no-attack", "--threads", "1"];

describe("chokepoint flow --samples", () => {
  it("adds samples and intervals to the JSON, identically for the same seed", async () => {
    const r = await runCli([...BASE, "--samples", "40", "--seed", "7", "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const { flow } = JSON.parse(r.stdout);
    expect(flow.samples).toEqual({ n: 40, seed: 7 });
    for (const code of ["JP", "US"]) {
      const { fraction, fractionInterval: i } = flow.countries[code];
      expect(Object.keys(i)).toEqual(["p05", "p50", "p95"]);
      expect(i.p05).toBeLessThanOrEqual(i.p50);
      expect(i.p50).toBeLessThanOrEqual(i.p95);
      expect(fraction).toBeGreaterThanOrEqual(0);
    }
    expect(flow.countries.JP.fractionInterval.p95).toBeGreaterThan(flow.countries.JP.fractionInterval.p05);
    const again = await runCli([
      ...BASE,
      "--samples",
      "40",
      "--seed",
      "7",
      "--format",
      "json",
      "--threads",
      "2",
    ]);
    expect(again.stdout).toBe(r.stdout);
  });

  it("prints value (p05-p95) in text, and nothing sampled without --samples", async () => {
    const r = await runCli([...BASE, "--samples", "20"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/JP .* \d+\.\d% \(\d+\.\d-\d+\.\d\)/);
    expect(r.stdout).toContain("over 20 samples (seed 1)");
    const plain = await runCli([...BASE, "--format", "json"]);
    expect(JSON.parse(plain.stdout).flow.samples).toBeUndefined();
  });

  it("analyze --samples adds the same intervals to its flow part", async () => {
    const flags = [
      "--scale",
      "node=a:1",
      "--threads",
      "1",
      "--samples",
      "30",
      "--seed",
      "7",
      "--format",
      "json",
    ];
    const analyze = await runCli(["analyze", file, ...flags]);
    expect(analyze.code, analyze.stderr).toBe(0);
    const flow = await runCli(["flow", file, "--no-attack", ...flags]);
    const a = JSON.parse(analyze.stdout).flow;
    const f = JSON.parse(flow.stdout).flow;
    expect(a.samples).toEqual({ n: 30, seed: 7 });
    expect(a.countries.JP.fractionInterval).toEqual(f.countries.JP.fractionInterval);
  });

  it("refuses bad sampling flags with exit 2", async () => {
    for (const flags of [
      ["--samples", "0"],
      ["--samples", "x"],
      ["--samples", "5", "--seed", "-1"],
      ["--samples", "5", "--uncertainty", "capacity:2"],
    ]) {
      const r = await runCli([...BASE, ...flags]);
      expect(r.code, flags.join(" ")).toBe(2);
    }
  });
});
