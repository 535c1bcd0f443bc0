import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readGraphFile } from "../../src/io/read-graph-file.js";
import { formatOfOutput, serializeGraphJson, writeGraphFile } from "../../src/io/write-graph-file.js";
import { contentOf, richGraph } from "./formats/_rich-graph.js";

describe("writeGraphFile", () => {
  it("writes each format (by extension or `to`) and reads back the same graph", () => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-write-"));
    const g = richGraph();
    for (const out of ["g.json", "g.gexf", "g.graphml", "tables", "my-nodes.csv"]) {
      const result = writeGraphFile(g, join(dir, out));
      expect(result.files.length).toBe(out === "tables" || out.endsWith(".csv") ? 3 : 1);
      expect(contentOf(readGraphFile(join(dir, out))), out).toEqual(contentOf(g));
    }
    expect(
      readdirSync(dir)
        .filter((f) => f.startsWith("my-"))
        .sort(),
    ).toEqual(["my-edges.csv", "my-graph.csv", "my-nodes.csv"]);
    writeGraphFile(g, join(dir, "as-graphml.txt"), { to: "graphml" });
    expect(readFileSync(join(dir, "as-graphml.txt"), "utf8")).toContain("<graphml");
  });

  it("writes nothing when a value cannot be written (E_VALUE), and leaves an old file alone", () => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-write-"));
    const g = richGraph();
    g.setNodeAttribute("ref-a", "capacity", Number.POSITIVE_INFINITY);
    writeFileSync(join(dir, "old.json"), "old");
    for (const out of ["old.json", "x.gexf", "x.graphml", "tables"]) {
      expect(() => writeGraphFile(g, join(dir, out))).toThrow(expect.objectContaining({ code: "E_VALUE" }));
    }
    expect(readdirSync(dir)).toEqual(["old.json"]);
    expect(readFileSync(join(dir, "old.json"), "utf8")).toBe("old");
  });

  it("refuses a CSV target that is a file, an unknown extension, a missing folder", () => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-write-"));
    expect(() => formatOfOutput(join(dir, "x.xlsx"))).toThrow(expect.objectContaining({ code: "E_FORMAT" }));
    expect(() => writeGraphFile(richGraph(), join(dir, "x.csv"))).toThrow(
      expect.objectContaining({ code: "E_USAGE" }),
    );
    expect(() => writeGraphFile(richGraph(), join(dir, "a", "b", "t"), { to: "csv" })).toThrow(
      expect.objectContaining({ code: "E_OUTPUT" }),
    );
    expect(() => writeGraphFile(richGraph(), join(dir, "no", "g.json"))).toThrow(
      expect.objectContaining({ code: "E_OUTPUT" }),
    );
    expect(existsSync(join(dir, "a"))).toBe(false);
  });

  it("JSON: graph-file format, default edge keys left out, byte-identical on a second run", () => {
    const g = richGraph();
    const text = serializeGraphJson(g);
    const data = JSON.parse(text);
    expect(data.edges.find((e: { target: string }) => e.target === "magnet-a").key).toBe("main-line");
    expect(data.edges.find((e: { target: string }) => e.target === "ref-planned").key).toBeUndefined();
    expect(serializeGraphJson(richGraph())).toBe(text);
  });
});
