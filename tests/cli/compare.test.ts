import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../_helpers/cli.js";
import { serializedFromText } from "../_helpers/graph-from-text.js";

const dir = mkdtempSync(join(tmpdir(), "chokepoint-compare-"));
const file = join(dir, "g.json");
writeFileSync(
  file,
  JSON.stringify(
    serializedFromText(
      `
      cn [mine CN output=ox capacity=100]
      au [mine AU output=ox capacity=10]
      planned [mine AU output=ox capacity=5 status=planned since=2027]
      mag [magnet JP output=mag recipe=ox:1]
      car [consumer JP demand=20 stockpileDays=36.5 valuePerYear=1000 label=<b>car</b>]
      us [consumer US demand=10]
      cn -> mag volume=10
      au -> mag volume=10
      planned -> mag volume=5
      cn -> us volume=10
      mag -> car volume=20
    `,
      { year: 2025, currency: "USD" },
    ),
  ),
);
const noChina = join(dir, "no-china.json");
writeFileSync(noChina, JSON.stringify({ name: "no-china", remove: [{ country: "CN" }] }));
const cutJapan = join(dir, "cut.json");
writeFileSync(cutJapan, JSON.stringify({ name: "cn-jp", cut: [{ from: "CN", to: "JP" }] }));

describe("chokepoint compare", () => {
  it("compares countries under a scenario file (JSON, documented shape)", async () => {
    const r = await runCli(["compare", file, "--scenario", noChina, "--format", "json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.schema).toBe(1);
    expect(json.countries).toEqual(["JP", "US"]);
    expect(json.columns).toHaveLength(1);
    const [jp, us] = json.metrics[0];
    expect(jp.servedFraction["max-total"]).toBeCloseTo(0.5, 9);
    expect(us.cutOff).toEqual(["us"]);
    expect(json.change).toEqual([]);
  });

  it("--scenarios gives one column per scenario and the change; --year adds nothing to one file but the pipeline", async () => {
    const r = await runCli([
      "compare",
      file,
      "--scenarios",
      `${noChina},${cutJapan}`,
      "--countries",
      "jp",
      "--no-robustness",
      "--format",
      "json",
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.columns.map((c: { label: string }) => c.label)).toEqual(["no-china", "cn-jp"]);
    expect(json.change[0].servedFraction["max-total"]).toBeCloseTo(0, 9);
    const y = await runCli([
      "compare",
      file,
      "--scenario",
      noChina,
      "--year",
      "2028",
      "--countries",
      "JP",
      "--format",
      "json",
      "--no-robustness",
    ]);
    expect(JSON.parse(y.stdout).metrics[0][0].servedFraction["max-total"]).toBeCloseTo(0.75, 9);
  });

  it("several files: a column each, and --year adds the last file with its pipeline", async () => {
    const r = await runCli([
      "compare",
      file,
      file,
      "--scenario",
      noChina,
      "--year",
      "2028",
      "--countries",
      "JP",
      "--format",
      "json",
      "--no-robustness",
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.columns.map((c: { label: string }) => c.label)).toEqual(["2025", "2025", "2028 pipeline"]);
    expect(json.change[0].servedFraction["max-total"]).toBeCloseTo(0.25, 9);
  });

  it("writes Markdown with SVG charts beside it", async () => {
    const out = join(dir, "report.md");
    const r = await runCli(["compare", file, "--scenario", noChina, "--format", "md", "--out", out]);
    expect(r.code).toBe(0);
    const md = readFileSync(out, "utf8");
    expect(md).toContain("](report-served.svg)");
    expect(md).toContain("](report-attack.svg)");
    for (const name of ["report-served.svg", "report-attack.svg"]) {
      const svg = readFileSync(join(dir, name), "utf8");
      expect(svg).toContain("served demand (% of the country");
      expect(svg).toContain("g.json");
    }
    expect(r.stdout).toBe("");
  });

  it("text is the default", async () => {
    const r = await runCli(["compare", file, "--scenario", noChina, "--no-robustness"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("served, max-total");
    expect(r.stdout).toContain("50.0%");
  });

  it("exit 2 on bad input, and nothing is written", async () => {
    const out = join(dir, "never.md");
    for (const argv of [
      ["compare", file, "--scenario", noChina, "--countries", "J1"],
      ["compare", file, "--scenario", noChina, "--countries", "FR"],
      ["compare", file, "--scenario", join(dir, "missing.json")],
      ["compare", join(dir, "missing-graph.json"), "--scenario", noChina],
      ["compare", file, "--scenario", noChina, "--format", "md", "--out", join(dir, "no", "x.md")],
      ["compare", file, "--scenario", noChina, "--format", "pdf"],
      ["compare", file, "--scenario", noChina, "--remove", "country=FR", "--out", out],
    ]) {
      const r = await runCli(argv);
      expect(r.code, argv.join(" ")).toBe(2);
    }
    expect(existsSync(out)).toBe(false);
  });
});

describe("chokepoint compare with its defaults", () => {
  it("the bundled 2025 graph, no-china, JP and US", async () => {
    const r = await runCli(["compare", "--format", "json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.countries).toEqual(["JP", "US"]);
    expect(json.columns).toMatchObject([{ file: "rare-earths-2025.json", scenario: "no-china", year: 2025 }]);
    const jp = json.metrics[0][0];
    expect(jp.robustness).toBeGreaterThanOrEqual(0);
    expect(jp.attackCurve.length).toBeGreaterThan(1);
  });
});
