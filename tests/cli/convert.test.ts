import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readGraphFile } from "../../src/io/read-graph-file.js";
import { runCli } from "../_helpers/cli.js";
import { contentOf } from "../io/formats/_rich-graph.js";

const BUNDLED = ["graphs/rare-earths-2025.json", "graphs/rare-earths-2010.json"];

describe("chokepoint convert: round trips of the bundled graphs", () => {
  for (const file of BUNDLED) {
    it(`${file}: JSON -> CSV -> JSON, JSON -> GEXF -> JSON, JSON -> GraphML -> JSON keep everything`, async () => {
      const dir = mkdtempSync(join(tmpdir(), "chokepoint-convert-"));
      const original = contentOf(readGraphFile(file));
      for (const [via, out] of [
        ["csv", join(dir, "tables")],
        ["gexf", join(dir, "g.gexf")],
        ["graphml", join(dir, "g.graphml")],
      ] as const) {
        const there = await runCli(["convert", file, out, "--quiet"]);
        expect(there.code, there.stderr).toBe(0);
        const back = join(dir, `back-${via}.json`);
        const again = await runCli(["convert", out, back]);
        expect(again.code, again.stderr).toBe(0);
        expect(contentOf(readGraphFile(back)), via).toEqual(original);
      }
      expect(readdirSync(join(dir, "tables")).sort()).toEqual(["edges.csv", "graph.csv", "nodes.csv"]);
    });
  }
});

describe("chokepoint convert: usage and bad input", () => {
  const dir = mkdtempSync(join(tmpdir(), "chokepoint-convert-bad-"));

  it("reads --nodes/--edges tables and writes the format of the extension", async () => {
    const nodes = join(dir, "n.csv");
    const edges = join(dir, "e.csv");
    writeFileSync(nodes, "id,label,stage,country,output\n0012,Mine,mine,CN,ore\nr,Ref,refinery,JP,oxide\n");
    writeFileSync(edges, "source,target,volume\n0012,r,5\n");
    const out = join(dir, "from-tables.graphml");
    const r = await runCli(["convert", "--nodes", nodes, "--edges", edges, out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("W_STAGES_INFERRED");
    expect(readGraphFile(out).getNodeAttribute("0012", "label")).toBe("Mine");
  });

  it("exits 2 on a DOCTYPE input and writes nothing", async () => {
    const input = join(dir, "xxe.gexf");
    writeFileSync(
      input,
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><gexf><graph/></gexf>',
    );
    const out = join(dir, "never.json");
    const r = await runCli(["convert", input, out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("E_DTD");
    expect(existsSync(out)).toBe(false);
  });

  it("exits 2 on invalid input without touching an existing output", async () => {
    const input = join(dir, "bad.graphml");
    writeFileSync(input, "<graphml><graph edgedefault='directed'><node id='a'/>");
    const out = join(dir, "existing.json");
    writeFileSync(out, "old");
    expect((await runCli(["convert", input, out])).code).toBe(2);
    expect(readFileSync(out, "utf8")).toBe("old");
  });

  it("exits 2 for an unknown output extension, a missing output, or half of --nodes/--edges", async () => {
    expect((await runCli(["convert", BUNDLED[0]!, join(dir, "x.xlsx")])).code).toBe(2);
    expect((await runCli(["convert", BUNDLED[0]!])).code).toBe(2);
    expect((await runCli(["convert", "--nodes", "n.csv", join(dir, "y.json")])).code).toBe(2);
    expect((await runCli(["convert", BUNDLED[0]!, join(dir, "no", "such", "z.gexf")])).code).toBe(2);
  });

  it("accepts --to over the extension", async () => {
    const out = join(dir, "graph.xml");
    expect((await runCli(["convert", BUNDLED[1]!, out, "--to", "graphml", "--quiet"])).code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("<graphml");
    expect(readGraphFile(out, { from: "graphml" }).order).toBe(readGraphFile(BUNDLED[1]!).order);
  });
});
