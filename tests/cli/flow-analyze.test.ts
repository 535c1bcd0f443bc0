import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../_helpers/cli.js";
import { serializedFromText } from "../_helpers/graph-from-text.js";
import { TWO_MAKERS } from "../flow/_fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "chokepoint-analyze-flow-"));
const withCaps = join(dir, "caps.json");
const noCaps = join(dir, "nocaps.json");
writeFileSync(withCaps, JSON.stringify(serializedFromText(TWO_MAKERS, { currency: "USD" })));
writeFileSync(
  noCaps,
  JSON.stringify(
    serializedFromText("m [mine AU output=ore]\n car [consumer JP demand=5]\n m -> car volume=5"),
  ),
);
const SCENARIO = ["--remove", "node=free"];

describe("chokepoint analyze --flow", () => {
  it("adds flow, chokepoints, survival and losses to the JSON when the graph has capacities", async () => {
    const r = await runCli(["analyze", withCaps, ...SCENARIO, "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    for (const key of ["flow", "chokepoints", "survival", "losses"]) expect(json).toHaveProperty(key);
    expect(json.flow.totalServed).toBe(20);
    expect(json.chokepoints.map((c: { id: string }) => c.id)).toEqual(["dytb", "mag", "ndpr"]);
  });

  it("is off without capacities unless asked, and off with --no-flow", async () => {
    const auto = JSON.parse(
      (await runCli(["analyze", noCaps, "--remove", "node=m", "--format", "json"])).stdout,
    );
    expect(auto).not.toHaveProperty("flow");
    const forced = await runCli(["analyze", noCaps, "--remove", "node=m", "--flow", "--format", "json"]);
    expect(JSON.parse(forced.stdout).flow.totalServed).toBe(0);
    const off = await runCli(["analyze", withCaps, ...SCENARIO, "--no-flow", "--format", "json"]);
    expect(JSON.parse(off.stdout)).not.toHaveProperty("flow");
  });

  it("appends the flow sections to the text brief; --objective passes through", async () => {
    const r = await runCli(["analyze", withCaps, ...SCENARIO, "--objective", "proportional"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Served demand (objective proportional)");
    expect(r.stdout).toContain("Flow chokepoints");
  });
});
