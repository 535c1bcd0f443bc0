/** `chokepoint simulate`: the JSON contract, the Markdown report with its chart, bad input (exit 2). */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { runCli } from "../_helpers/cli.js";
import { serializedFromText } from "../_helpers/graph-from-text.js";

const dir = mkdtempSync(join(tmpdir(), "chokepoint-simulate-"));
const file = join(dir, "g.json");
writeFileSync(
  file,
  JSON.stringify(
    serializedFromText(
      `
      mine [mine CN output=ore capacity=73 recoveryDays=10]
      us [mine US output=ore capacity=36.5]
      car [consumer JP demand=73 stockpileDays=5 valuePerYear=365]
      mine -> car volume=73
      us -> car volume=0
    `,
      { year: 2025, currency: "USD" },
    ),
  ),
);
vi.setConfig({ testTimeout: 300_000 }); // a loaded machine makes the LP solves slow

const CUT = ["--cut", "CN>JP", "--start-day", "7", "--duration-days", "14", "--step", "7", "--horizon", "42"];

describe("chokepoint simulate", () => {
  it("prints the JSON contract: periods, countries, nodes", async () => {
    const r = await runCli([
      "simulate",
      file,
      ...CUT,
      "--qualification-days",
      "0",
      "--nodes",
      "--format",
      "json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.periods).toHaveLength(6);
    expect(json.periods[0]).toEqual({
      day: 0,
      days: 7,
      countries: { JP: { demand: 1.4, served: 1.4, fraction: 1 } },
      consumers: [{ id: "car", served: 1.4, fraction: 1 }],
      stocks: [{ id: "car", left: 1 }],
    });
    // day 7-20: the US mine (half the demand) and 1 t of stock: 5 days of the other half
    expect(json.periods[1].countries.JP.fraction).toBe(1);
    expect(json.periods[2].countries.JP.fraction).toBeCloseTo(0.5 + 0.5 * (3 / 7), 5);
    expect(json.countries.JP).toMatchObject({ timeToSurvive: 7, timeToRecover: 7 });
    expect(json.countries.JP.resilienceLoss.shareDays).toBeCloseTo(2, 5); // 4 days at half
    expect(json.countries.JP.loss).toBeCloseTo(2, 5); // 365 USD/yr × 2 share-days / 365
    // only nodes that ship in the baseline are tried (the US mine sells nothing before the cut)
    expect(json.nodes.map((n: { id: string }) => n.id)).toEqual(["mine"]);
    expect(json.nodes[0]).toMatchObject({ id: "mine", timeToRecover: 10 });
  });

  it("writes the Markdown report with its served-over-time chart beside it", async () => {
    const out = join(dir, "sim.md");
    const r = await runCli(["simulate", file, ...CUT, "--format", "md", "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out, "utf8")).toContain(
      "![Share of demand served over time: custom](sim-served.svg)",
    );
    expect(existsSync(join(dir, "sim-served.svg"))).toBe(true);
    expect(readFileSync(join(dir, "sim-served.svg"), "utf8")).toMatch(/^<svg/);
  });

  it.each([
    [["--horizon", "0"]],
    [["--step", "x"]],
    [["--qualification-days", "=3"]],
    [["--start-date", "2025-02-30"]],
  ])("exits 2 on %j", async (bad) => {
    const r = await runCli(["simulate", file, "--cut", "CN>JP", ...bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("chokepoint simulate with several graphs", () => {
  it("simulates each and draws every run on one chart", async () => {
    const other = join(dir, "g2.json");
    writeFileSync(
      other,
      JSON.stringify(
        serializedFromText(
          `
          mine [mine CN output=ore capacity=73]
          car [consumer JP demand=73]
          mine -> car volume=73
        `,
          { year: 2010 },
        ),
      ),
    );
    const json = await runCli(["simulate", other, file, ...CUT, "--format", "json"]);
    expect(json.code, json.stderr).toBe(0);
    const runs = JSON.parse(json.stdout).runs;
    expect(runs.map((r: { file: string }) => r.file)).toEqual(["g2.json", "g.json"]);
    expect(runs[0].countries.JP.deepestFraction).toBe(0);

    const out = join(dir, "both.md");
    const md = await runCli([
      "simulate",
      other,
      file,
      ...CUT,
      "--countries",
      "JP",
      "--format",
      "md",
      "--out",
      out,
    ]);
    expect(md.code, md.stderr).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("(both-served.svg)");
    const svg = readFileSync(join(dir, "both-served.svg"), "utf8");
    expect(svg).toContain("JP · 2010");
    expect(svg).toContain("JP · 2025");
  });
});
