import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../_helpers/cli.js";
import { serializedFromText } from "../_helpers/graph-from-text.js";

const TEXT = `
  cn-mine [mine CN output=ore]
  au-mine [mine AU output=ore]
  cn-ref [refinery CN output=ox]
  my-ref [refinery MY output=ox]
  toyota [consumer JP demand=10]
  gm [consumer US demand=5]
  cn-mine -> cn-ref volume=10
  au-mine -> my-ref volume=4
  cn-ref -> toyota volume=10
  cn-ref -> gm volume=3
  my-ref -> gm volume=2
`;

function graphFile(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), "chokepoint-analyze-"));
  const file = join(dir, "g.json");
  const serialized = serializedFromText(TEXT);
  // a label a spreadsheet would run as a formula
  serialized.nodes.find((n) => n.key === "toyota")!.attributes.label = '=HYPERLINK("http://x")';
  writeFileSync(file, JSON.stringify(serialized));
  return { dir, file };
}

const CONSUMER_KEYS = [
  "country",
  "countryFailureSets",
  "demand",
  "id",
  "label",
  "minFailures",
  "missing",
  "route",
  "singlePointsOfFailure",
  "singlePointsOfFailureOmitted",
  "supplied",
];

describe("chokepoint analyze", () => {
  it("defaults: bundled 2025 graph, scenario no-china, the documented JSON shape", async () => {
    const r = await runCli(["analyze", "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.schema).toBe(1);
    expect(json.scenario.name).toBe("no-china");
    expect(json.scenario.removedNodes.length).toBeGreaterThan(0);
    expect(Object.keys(json.graph).sort()).toEqual(["edges", "name", "nodes", "units"]);
    for (const c of json.consumers) {
      expect(Object.keys(c).sort()).toEqual(CONSUMER_KEYS);
      if (!c.supplied) expect(c.singlePointsOfFailure).toEqual([]);
    }
    const ids = json.consumers.map((c: { id: string }) => c.id);
    expect(ids).toEqual([...ids].sort());
    for (const n of json.nodes.slice(0, 3))
      expect(Object.keys(n)).toEqual(
        expect.arrayContaining(["id", "consumersCutAlone", "demandCutAlone", "betweenness"]),
      );
    expect(json.attack.attacks.map((a: { order: string }) => a.order)).toEqual([
      "betweenness",
      "demandCutAlone",
      "country",
      "random",
    ]);
  });

  it("a custom scenario on a file: the consumer cut off, and the text brief's sections", async () => {
    const { file } = graphFile();
    const json = JSON.parse(
      (await runCli(["analyze", file, "--remove", "country=CN", "--format", "json"])).stdout,
    );
    expect(json.unsupplied).toEqual(["toyota"]);
    expect(json.consumers.find((c: { id: string }) => c.id === "gm").route.after.path).toEqual([
      "au-mine",
      "my-ref",
      "gm",
    ]);
    const text = await runCli(["analyze", file, "--remove", "country=CN"]);
    expect(text.code).toBe(0);
    for (const heading of [
      "What was removed",
      "Consumers cut off",
      "Top chokepoints",
      "Country-level failure points",
    ])
      expect(text.stdout).toContain(heading);
  });

  it("an unknown node in --remove is exit code 2 with E_SCENARIO_UNKNOWN_NODE, nothing on stdout", async () => {
    const { file } = graphFile();
    const r = await runCli(["analyze", file, "--remove", "node=nope"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("E_SCENARIO_UNKNOWN_NODE");
    expect(r.stdout).toBe("");
  });

  it("a bad format or an unknown scenario is exit code 2", async () => {
    const { file } = graphFile();
    expect((await runCli(["analyze", file, "--format", "xml"])).code).toBe(2);
    expect((await runCli(["analyze", file, "--scenario", "no-such-scenario"])).code).toBe(2);
  });

  it("--out writes atomically: the complete report, no temp file left; a bad folder fails before writing", async () => {
    const { dir, file } = graphFile();
    const out = join(dir, "result.json");
    writeFileSync(out, "old");
    const r = await runCli(["analyze", file, "--format", "json", "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("");
    expect(JSON.parse(readFileSync(out, "utf8")).schema).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(["g.json", "result.json"]);
    const bad = await runCli(["analyze", file, "--out", join(dir, "missing", "x.json")]);
    expect(bad.code).toBe(2);
  });

  it("csv: one row per consumer, formulas in text cells neutralised, numbers left as numbers", async () => {
    const { file } = graphFile();
    const r = await runCli(["analyze", file, "--format", "csv", "--remove", "country=CN"]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe(
      "id,label,country,demand,supplied,missing,singlePointsOfFailure,singlePointsOfFailureOmitted,countryFailureSets,minFailures,routeBeforeDays,routeAfterDays",
    );
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^toyota,"'=HYPERLINK\(""http:\/\/x""\)",JP,10,false,/);
  });
});

describe("chokepoint analyze --format md", () => {
  it("labels stay text in Markdown prose and tables", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-analyze-md-"));
    const file = join(dir, "g.json");
    const serialized = serializedFromText(TEXT);
    serialized.nodes.find((n) => n.key === "cn-ref")!.attributes.label = "<img src=x onerror=alert(1)>";
    writeFileSync(file, JSON.stringify(serialized));
    const r = await runCli(["analyze", file, "--cut", "CN>JP", "--format", "md"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain("<img");
    expect(r.stdout).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});
