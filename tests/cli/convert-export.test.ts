import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readGraphFile } from "../../src/io/read-graph-file.js";
import { runCli } from "../_helpers/cli.js";

const FIXTURES = "tests/fixtures/interop";

describe("analysis commands read every format", () => {
  for (const file of ["networkx-supply.graphml", "networkx-supply.gexf", "gephi-supply.gexf"]) {
    it(`summary and analyze run on ${file} without edits`, async () => {
      const summary = await runCli(["summary", `${FIXTURES}/${file}`, "--format", "json"]);
      expect(summary.code, summary.stderr).toBe(0);
      const analyze = await runCli([
        "analyze",
        `${FIXTURES}/${file}`,
        "--format",
        "json",
        "--remove",
        "country=CN",
      ]);
      expect(analyze.code, analyze.stderr).toBe(0);
      const result = JSON.parse(analyze.stdout);
      expect(result.consumers.length).toBeGreaterThan(0);
    });
  }
});

describe("analyze --export", () => {
  it("writes the graph with the results as node attributes, in GEXF and GraphML", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-export-"));
    for (const ext of ["gexf", "graphml", "json"]) {
      const out = join(dir, `result.${ext}`);
      const r = await runCli([
        "analyze",
        `${FIXTURES}/networkx-supply.graphml`,
        "--remove",
        "node=ref-baotou",
        "--format",
        "json",
        "--export",
        out,
      ]);
      expect(r.code, r.stderr).toBe(0);
      const g = readGraphFile(out);
      expect(g.getNodeAttribute("ref-baotou", "scenario")).toBe("removed");
      expect(g.getNodeAttribute("automaker", "scenario")).toBe("online");
      expect(typeof g.getNodeAttribute("automaker", "supplied")).toBe("boolean");
      expect(typeof g.getNodeAttribute("magnet-jp", "consumersCutAlone")).toBe("number");
      expect(typeof g.getNodeAttribute("magnet-jp", "betweenness")).toBe("number");
      expect(g.getNodeAttribute("automaker", "singlePointsOfFailure")).toBeGreaterThan(0);
    }
  });

  it("refuses a bad export path before any analysis (exit 2)", async () => {
    const r = await runCli([
      "analyze",
      `${FIXTURES}/gephi-supply.gexf`,
      "--export",
      "/no/such/folder/x.gexf",
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
  });
});
