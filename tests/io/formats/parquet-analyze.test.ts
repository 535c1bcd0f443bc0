import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../_helpers/cli.js";
import { FLOW_DEFAULT_MAX_NODES } from "../../../src/cli/commands/flow.js";
import { syntheticGraphJson } from "../../../src/generate/synthetic-graph-json.js";
import { syntheticNetwork } from "../../../src/generate/synthetic-network.js";

describe("analyze from Parquet", () => {
  it("gives the report it gives from the same graph's JSON and CSV, byte for byte (attributes read on demand)", {
    timeout: 120_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-parquet-analyze-"));
    const json = join(dir, "graph.json");
    // over the flow's default limit (5,000 nodes), so that `analyze` reads each file straight into the view
    const nodes = FLOW_DEFAULT_MAX_NODES + 500;
    writeFileSync(json, [...syntheticGraphJson(syntheticNetwork({ nodes, seed: 11 }))].join(""));
    const parquet = join(dir, "pq");
    const csv = join(dir, "csv");
    for (const [out, to] of [
      [parquet, "parquet"],
      [csv, "csv"],
    ] as const) {
      const r = await runCli(["convert", json, out, "--to", to, "--quiet"]);
      expect(r.code, r.stderr).toBe(0);
    }
    const reports = new Map<string, string[]>();
    for (const [name, input] of [
      ["json", json],
      ["parquet", parquet],
      ["csv", csv],
    ] as const) {
      const texts: string[] = [];
      for (const format of ["json", "csv"]) {
        const out = join(dir, `${name}.${format}`);
        const r = await runCli(["analyze", input, "--no-flow", "--format", format, "--out", out]);
        expect(r.code, r.stderr).toBe(0);
        texts.push(readFileSync(out, "utf8").replaceAll(input, "<input>"));
      }
      reports.set(name, texts);
    }
    expect(reports.get("json")![0]!.length).toBeGreaterThan(10_000);
    expect(reports.get("parquet")).toEqual(reports.get("json"));
    expect(reports.get("csv")).toEqual(reports.get("json"));
  });
});
