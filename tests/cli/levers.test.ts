import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../_helpers/cli.js";
import { serializedFromText } from "../_helpers/graph-from-text.js";

const dir = mkdtempSync(join(tmpdir(), "chokepoint-levers-"));
const file = join(dir, "g.json");
writeFileSync(
  file,
  JSON.stringify(
    serializedFromText(
      `
      cn-ref [refinery CN output=ox capacity=100]
      my-ref [refinery MY output=ox capacity=8]
      recycler [recycling JP output=ox capacity=2]
      us-new [refinery US output=ox capacity=4 status=planned since=2027]
      jp-mag [magnet JP output=mag recipe=ox:1]
      us-mag [magnet US output=mag recipe=ox:1]
      car [consumer JP demand=20 stockpileDays=36.5 valuePerYear=365]
      us-car [consumer US demand=10 valuePerYear=100]
      cn-ref -> jp-mag volume=10
      my-ref -> jp-mag volume=8
      recycler -> jp-mag volume=2
      cn-ref -> us-mag volume=10
      us-new -> us-mag volume=4
      jp-mag -> car volume=20
      us-mag -> us-car volume=10
    `,
      { year: 2025, currency: "USD" },
    ),
  ),
);
const write = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
};
const noChina = write("no-china.json", { name: "no-china", remove: [{ country: "CN" }] });
const div = write("div.json", { name: "div", pillar: "diversification", cut: [{ from: "MY", to: "JP" }] });
const rec = write("rec.json", { name: "rec", pillar: "recycling", remove: [{ stage: "recycling" }] });

describe("chokepoint levers", () => {
  it("JSON: contributions, mirror and pipeline ranking (hand-checked)", async () => {
    const r = await runCli([
      "levers",
      file,
      "--scenario",
      noChina,
      "--levers",
      `${div},${rec}`,
      "--format",
      "json",
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.schema).toBe(1);
    expect(json.contributions.country).toBe("JP");
    expect(json.contributions.objective).toBe("proportional");
    const [d, c] = json.contributions.levers;
    expect(d.marginal.served).toBeCloseTo(8, 9);
    expect(c.marginal.served).toBeCloseTo(2, 9);
    expect(json.mirror.to).toBe("US");
    expect(json.mirror.stockpileDays).toBeCloseTo(36.5, 9);
    expect(json.projects.map((p: { country: string }) => p.country)).toEqual(["US", "JP"]);
    expect(json.projects[0].greedy[0]).toMatchObject({ id: "us-new", gain: 4 });
  });

  it("Markdown with lever charts beside it", async () => {
    const out = join(dir, "levers.md");
    const r = await runCli([
      "levers",
      file,
      "--scenario",
      noChina,
      "--levers",
      `${div},${rec}`,
      "--format",
      "md",
      "--out",
      out,
    ]);
    expect(r.code).toBe(0);
    const md = readFileSync(out, "utf8");
    expect(md).toContain("](levers-levers.svg)");
    const svg = readFileSync(join(dir, "levers-levers.svg"), "utf8");
    expect(svg).toContain("what each pillar adds to served demand");
    expect(svg).toContain("percentage points");
    expect(existsSync(join(dir, "levers-projects.svg"))).toBe(true);
  });

  it("exit 2 on bad input", async () => {
    for (const argv of [
      ["levers", file, "--scenario", noChina, "--levers", join(dir, "nope.json")],
      ["levers", file, "--scenario", noChina, "--levers", noChina], // a scenario is not a lever (no pillar)
      ["levers", file, "--scenario", noChina, "--levers", div, "--country", "FR"],
      ["levers", file, "--scenario", noChina, "--levers", div, "--steps", "0"],
      ["levers", file, "--scenario", noChina, "--levers", div, "--objective", "best"],
      [
        "levers",
        file,
        "--scenario",
        noChina,
        "--levers",
        write("bad.json", { name: "b", pillar: "p", cut: [{ from: "FR", to: "JP" }] }),
      ],
    ]) {
      const r = await runCli(argv);
      expect(r.code, argv.join(" ")).toBe(2);
    }
  });
});

describe("chokepoint levers with its defaults", () => {
  it("Japan's four bundled pillars under no-china, the US mirror, projects for the US and Japan", async () => {
    const r = await runCli(["levers", "--format", "json", "--steps", "1"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.contributions).toMatchObject({
      country: "JP",
      scenario: "no-china",
      objective: "proportional",
    });
    expect(json.contributions.levers.map((l: { pillar: string }) => l.pillar)).toEqual([
      "alternative-technology",
      "diversification",
      "recycling",
      "stockpile",
    ]);
    // every pillar taken away leaves Japan no better off, and all four away is the worst case
    for (const l of json.contributions.levers) {
      expect(l.marginal.servedFraction).toBeGreaterThanOrEqual(-1e-9);
      expect(l.takenAway.servedFraction).toBeGreaterThanOrEqual(
        json.contributions.noneKept.servedFraction - 1e-9,
      );
    }
    expect(json.mirror).toMatchObject({ from: "JP", to: "US" });
    expect(json.projects.map((p: { country: string }) => p.country)).toEqual(["US", "JP"]);
  });
});
