/**
 * `analyze` on a graph above the flow limit: the file is read straight into the integer view (no graphology
 * graph), the flow is skipped with a note, and the JSON is the one the library gives through the graph path.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { FLOW_DEFAULT_MAX_NODES } from "../../src/cli/commands/flow.js";
import { syntheticGraphJson } from "../../src/generate/synthetic-graph-json.js";
import { syntheticNetwork } from "../../src/generate/synthetic-network.js";
import { loadScenario } from "../../src/io/load-scenario.js";
import { readGraphFile } from "../../src/io/read-graph-file.js";
import { formatAnalyzeReport } from "../../src/report/analyze.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { runCli } from "../_helpers/cli.js";

function largeGraphFile(nodes: number): string {
  const dir = mkdtempSync(join(tmpdir(), "chokepoint-large-"));
  const file = join(dir, "g.json");
  writeFileSync(file, [...syntheticGraphJson(syntheticNetwork({ nodes, seed: 7 }))].join(""));
  return file;
}

describe("chokepoint analyze on a graph over the flow limit", () => {
  const file = largeGraphFile(FLOW_DEFAULT_MAX_NODES + 500);

  it("skips the flow with a note and prints the library's JSON, byte for byte", async () => {
    const r = await runCli(["analyze", file, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`flow analysis skipped: ${FLOW_DEFAULT_MAX_NODES + 500} nodes`);
    const graph = readGraphFile(file);
    const expected = formatAnalyzeReport(
      analyze(graph, applyScenario(graph, loadScenario("no-china"))),
      graph,
      "json",
    );
    expect(r.stdout).toBe(expected);
  });

  it("--out writes the same JSON atomically", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "chokepoint-large-out-")), "r.json");
    const r = await runCli(["analyze", file, "--format", "json", "--out", out]);
    expect(r.code).toBe(0);
    const graph = readGraphFile(file);
    expect(readFileSync(out, "utf8")).toBe(
      formatAnalyzeReport(analyze(graph, applyScenario(graph, loadScenario("no-china"))), graph, "json"),
    );
  });

  it("the text brief sums many cut-off consumers up by country and lists only the largest", async () => {
    const r = await runCli(["analyze", file, "--remove", "country=CN"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/facilities removed/);
    const json = JSON.parse(
      (await runCli(["analyze", file, "--remove", "country=CN", "--format", "json"])).stdout,
    );
    const cut = json.consumers.filter((c: { supplied: boolean }) => !c.supplied);
    expect(cut.length).toBeGreaterThan(40);
    expect(r.stdout).toContain("consumers cut off");
    expect(r.stdout).toContain("The 40 largest:");
    expect(r.stdout).toContain(`... and ${cut.length - 40} more;`);
    // the per-country counts add up to every cut-off consumer
    const section = r.stdout.split("Consumers cut off")[1]!.split("The 40 largest:")[0]!;
    const counts = [...section.matchAll(/^([A-Z]{2})\s+(\d+)\s/gm)].map((m) => Number(m[2]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(cut.length);
  });
});
