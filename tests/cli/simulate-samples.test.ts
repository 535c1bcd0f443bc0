/** `chokepoint simulate --samples`: intervals in the JSON and the text table, same seed → same bytes, bad input. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { runCli } from "../_helpers/cli.js";
import { serializedFromText } from "../_helpers/graph-from-text.js";

const dir = mkdtempSync(join(tmpdir(), "chokepoint-simulate-samples-"));
const file = join(dir, "g.json");
// Demand 73 t/yr = 0.2 t/day; the stock covers S days, S uniform in [10, 20]: a cut from day 0 is first short on
// day ⌊S⌋, and the mine is back after the 28-day cut (no recovery delay).
writeFileSync(
  file,
  JSON.stringify(
    serializedFromText(
      `
      mine [mine CN output=ore capacity=73 recoveryDays=0]
      car [consumer JP demand=73 stockpileDays=15(10..20)]
      mine -> car volume=73
    `,
      { year: 2025 },
    ),
  ),
);
vi.setConfig({ testTimeout: 300_000 });

const RUN = [
  "simulate",
  file,
  "--cut",
  "CN>JP",
  "--duration-days",
  "28",
  "--step",
  "1",
  "--horizon",
  "40",
  "--distribution",
  "uniform",
  "--threads",
  "1",
];

describe("chokepoint simulate --samples", () => {
  it("puts the intervals beside each country's figures in the JSON, byte-identical for a seed", async () => {
    const r = await runCli([...RUN, "--samples", "30", "--seed", "4", "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.samples).toEqual({ n: 30, seed: 4 });
    expect(json.uncertainInputs).toBe(1);
    const jp = json.countries.JP;
    expect(jp.timeToSurvive).toBe(15);
    expect(jp.shortShare).toBe(1);
    for (const key of ["timeToSurviveInterval", "deepestFractionInterval", "timeToRecoverInterval"])
      expect(Object.keys(jp[key])).toEqual(["p05", "p50", "p95"]);
    expect(jp.timeToSurviveInterval.p05).toBeGreaterThanOrEqual(10);
    expect(jp.timeToSurviveInterval.p95).toBeLessThanOrEqual(19);
    // short from ⌊S⌋ until the cut ends on day 28: back after 28 − ⌊S⌋ days
    expect(jp.timeToRecoverInterval.p50).toBeCloseTo(28 - jp.timeToSurviveInterval.p50, 9);
    const again = await runCli([
      ...RUN,
      "--samples",
      "30",
      "--seed",
      "4",
      "--format",
      "json",
      "--threads",
      "2",
    ]);
    expect(again.stdout).toBe(r.stdout);
  });

  it("prints value (p05-p95) in the text table, and a note", async () => {
    const r = await runCli([...RUN, "--samples", "20", "--seed", "1"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^JP +15 \(\d+(\.\d+)?-\d+(\.\d+)?\) /m);
    expect(r.stdout).toContain("Intervals: 5th-95th percentile over 20 samples (seed 1)");
  });

  it("refuses a sample count that is not a positive integer (exit 2)", async () => {
    const r = await runCli([...RUN, "--samples", "0"]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
