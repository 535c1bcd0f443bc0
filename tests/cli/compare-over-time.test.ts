/** `chokepoint compare --over-time`: each column simulated; JSON gains `overTime`, Markdown a chart. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { runCli } from "../_helpers/cli.js";
import { serializedFromText } from "../_helpers/graph-from-text.js";

vi.setConfig({ testTimeout: 300_000 });

const dir = mkdtempSync(join(tmpdir(), "chokepoint-compare-time-"));
const file = join(dir, "g.json");
writeFileSync(
  file,
  JSON.stringify(
    serializedFromText(
      `
      cn [mine CN output=ore capacity=200]
      jp [consumer JP demand=73 stockpileDays=30]
      us [consumer US demand=73]
      cn -> jp volume=73
      cn -> us volume=73
    `,
      { year: 2025 },
    ),
  ),
);

describe("chokepoint compare --over-time", () => {
  it("adds each column's countries over time to the JSON", async () => {
    const r = await runCli([
      "compare",
      file,
      "--countries",
      "JP,US",
      "--remove",
      "node=cn",
      "--no-robustness",
      "--over-time",
      "--format",
      "json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const overTime = JSON.parse(r.stdout).overTime;
    expect(overTime).toHaveLength(1);
    // JP bridges 30 days (one period of 7 days short at day 28); the US runs short at once
    expect(overTime[0].countries.JP.timeToSurvive).toBe(28);
    expect(overTime[0].countries.US.timeToSurvive).toBe(0);
    expect(overTime[0].countries.US.resilienceLoss.shareDays).toBe(365);
  });

  it("draws the served curves on one chart in Markdown", async () => {
    const out = join(dir, "c.md");
    const r = await runCli([
      "compare",
      file,
      "--countries",
      "JP,US",
      "--remove",
      "node=cn",
      "--no-robustness",
      "--over-time",
      "--format",
      "md",
      "--out",
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("(c-over-time.svg)");
    expect(existsSync(join(dir, "c-over-time.svg"))).toBe(true);
  });
});
