import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../_helpers/cli.js";
import { serializedFromText } from "../_helpers/graph-from-text.js";
import { TWO_MAKERS } from "../flow/_fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "chokepoint-flow-"));
const file = join(dir, "g.json");
writeFileSync(
  file,
  JSON.stringify(serializedFromText(`${TWO_MAKERS}\n  bx [consumer DE demand=1]`, { currency: "USD" })),
);
// a scenario that disrupts nothing, as flags (the default no-china needs the bundled graph)
const SCENARIO = ["--scale", "node=ndpr:1"];

describe("chokepoint flow", () => {
  it("prints the documented JSON, deterministically", async () => {
    const r = await runCli(["flow", file, ...SCENARIO, "--days", "180", "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual([
      "schema",
      "graph",
      "scenario",
      "flow",
      "chokepoints",
      "flowAttack",
      "survival",
      "losses",
    ]);
    expect(json.flow).toMatchObject({
      objective: "max-total",
      totalDemand: 51,
      totalServed: 25,
      minFraction: 0,
      units: "t/yr",
    });
    expect(json.flow.consumers.map((c: { id: string }) => c.id)).toEqual(["bx", "car"]);
    expect(json.chokepoints[0]).toMatchObject({ id: "ndpr", demandLost: 25 });
    expect(json.losses.durations).toEqual([90, 180, 365]);
    expect(json.survival.countries.JP.daysToSurvive).toBe(146);
    expect((await runCli(["flow", file, ...SCENARIO, "--days", "180", "--format", "json"])).stdout).toBe(
      r.stdout,
    );
  });

  it("prints a text brief and writes Markdown atomically to --out", async () => {
    const text = await runCli(["flow", file, ...SCENARIO, "--no-attack"]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain("Served 25 of 51 t/yr demanded (49.0%)");
    const out = join(dir, "flow.md");
    const md = await runCli([
      "flow",
      file,
      ...SCENARIO,
      "--format",
      "md",
      "--out",
      out,
      "--objective",
      "max-min",
    ]);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toBe("");
    expect(readFileSync(out, "utf8")).toContain("## Served demand (objective max-min)");
    expect(readdirSync(dir).filter((f) => f.includes(".tmp"))).toEqual([]);
  });

  it("rejects bad options with exit 2 and writes nothing", async () => {
    const out = join(dir, "never.json");
    for (const argv of [
      ["flow", file, ...SCENARIO, "--objective", "cheapest"],
      ["flow", file, ...SCENARIO, "--days", "ninety"],
      ["flow", file, ...SCENARIO, "--days", "0"],
      ["flow", file, "--remove", "node=nope", "--out", out],
      ["flow", join(dir, "missing.json"), ...SCENARIO],
      ["flow", file, ...SCENARIO, "--threads", "0"],
    ]) {
      const r = await runCli(argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
    }
    expect(existsSync(out)).toBe(false);
  });

  it("--threads spreads the N-1 sweep over worker threads and prints the same report", async () => {
    // the bundled graph under no-china: enough facilities carry flow for two workers
    const one = await runCli(["flow", "--no-attack", "--format", "json"]);
    expect(one.code, one.stderr).toBe(0);
    const two = await runCli(["flow", "--no-attack", "--format", "json", "--threads", "2"]);
    expect(two.code, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(
      JSON.parse(two.stdout).chokepoints.filter((c: { demandLost: number }) => c.demandLost > 0).length,
    ).toBeGreaterThan(8);
  });
});
