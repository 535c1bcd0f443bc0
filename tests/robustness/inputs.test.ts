/**
 * Catalogue, input the validator used to accept and then crashed on or silently mis-read: empty selectors,
 * self-loop levers, deep nesting, duplicate keys, data-valued object keys, volumes over capacity, and terminal
 * escapes in labels. Each asserts the exit code, the error or warning code, and that nothing was written.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../_helpers/cli.js";
import { oneLine, SMALL, save, smallGraph, snapshot, tempDir } from "./_helpers.js";

type Attrs = Record<string, unknown>;

describe("robustness: accepted input", () => {
  it('I1 a scenario {"remove": [{}]} is refused (it would remove every node)', async () => {
    const dir = tempDir();
    const graph = save(dir, "g.json", smallGraph());
    const scenario = save(dir, "s.json", { name: "everything", remove: [{}] });
    const before = snapshot(dir);
    const r = await runCli(["analyze", graph, "--scenario", scenario, "--out", join(dir, "r.txt")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("[E_SCENARIO_FILE]");
    expect(snapshot(dir)).toEqual(before);
  });

  it("I2 a lever edit with select {} is refused (it would edit every node)", async () => {
    const dir = tempDir();
    const graph = save(dir, "g.json", smallGraph());
    const lever = save(dir, "l.json", {
      name: "all",
      pillar: "test",
      edits: [{ select: {}, set: { capacity: 1 } }],
    });
    const r = await runCli(["levers", graph, "--levers", lever, "--country", "JP", "--mirror", "none"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("[E_LEVER_FILE]");
  });

  it("I3 a lever adding a self-loop gives E_LEVER_SELF_LOOP, not graphology's UsageGraphError", async () => {
    const dir = tempDir();
    const graph = save(dir, "g.json", smallGraph());
    const lever = save(dir, "l.json", {
      name: "loop",
      pillar: "test",
      addEdges: [{ source: "r1", target: "r1", volume: 1 }],
    });
    const r = await runCli(["levers", graph, "--levers", lever, "--country", "JP", "--mirror", "none"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("[E_LEVER_SELF_LOOP]");
    expect(oneLine(r.stderr)).toBe(true);
  });

  it("I4 attribute values nested 5,000 deep: E_DEPTH in convert and analyze --export, nothing written", async () => {
    const dir = tempDir();
    const g = smallGraph();
    (g.nodes[0]!.attributes as Attrs).notes = "DEEP";
    // built as text: JSON.stringify itself overflows the stack on such a value
    const deep = `${'{"x":'.repeat(5000)}1${"}".repeat(5000)}`;
    const graph = save(dir, "g.json", JSON.stringify(g).replace('"DEEP"', deep));
    const before = snapshot(dir);
    for (const out of ["out.gexf", "out.json", "out.graphml"]) {
      const r = await runCli(["convert", graph, join(dir, out)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("[E_DEPTH]");
    }
    const e = await runCli(["analyze", graph, "--export", join(dir, "x.gexf")]);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain("[E_DEPTH]");
    expect(snapshot(dir)).toEqual(before);
  });

  it("I5 a JSON object with a key given twice is reported (E_DUPLICATE_KEY), not silently last-wins", async () => {
    const dir = tempDir();
    const text = JSON.stringify(smallGraph()).replace('"capacity":100', '"capacity":100,"capacity":1');
    const graph = save(dir, "g.json", text);
    const r = await runCli(["validate", graph]);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain("[E_DUPLICATE_KEY]");
    const scenario = save(dir, "s.json", '{"name":"a","name":"b","remove":[{"country":"CN"}]}');
    save(dir, "ok.json", smallGraph());
    const s2 = await runCli(["analyze", join(dir, "ok.json"), "--scenario", scenario]);
    expect(s2.code).toBe(2);
    expect(s2.stderr).toContain("E_DUPLICATE_KEY");
  });

  it("I6 stage names __proto__ and constructor keep their stage in summary (values used as keys are safe)", async () => {
    const dir = tempDir();
    const plain = await runCli(["summary", save(dir, "plain.json", smallGraph()), "--format", "json"]);
    const g = smallGraph();
    const rename: Record<string, string> = { mine: "__proto__", refinery: "constructor" };
    const attrs = g.attributes as Attrs;
    attrs.stages = (attrs.stages as string[]).map((s) => rename[s] ?? s);
    attrs.importStages = (attrs.importStages as string[]).map((s) => rename[s] ?? s);
    for (const n of g.nodes) {
      const a = n.attributes as Attrs;
      a.stage = rename[a.stage as string] ?? a.stage;
    }
    const renamed = await runCli([
      "summary",
      save(dir, "renamed.json", JSON.stringify(g)),
      "--format",
      "json",
    ]);
    expect(renamed.code).toBe(0);
    const back = renamed.stdout
      .replaceAll('"__proto__"', '"mine"')
      .replaceAll('"constructor"', '"refinery"')
      .replaceAll("renamed.json", "plain.json");
    expect(JSON.parse(back)).toEqual(JSON.parse(plain.stdout));
  });

  it("I7 an edge volume above the edge's or its source's capacity is warned about", async () => {
    const dir = tempDir();
    const g = smallGraph(`${SMALL}\n`);
    (g.edges[0]!.attributes as Attrs).capacity = 5; // m1 -> r1 carries 10
    (g.nodes.find((n) => n.key === "m2")!.attributes as Attrs).capacity = 1; // m2 ships 5
    const r = await runCli(["validate", save(dir, "g.json", g)]);
    expect(r.code).toBe(0);
    const out = r.stdout + r.stderr;
    expect(out).toContain("[W_VOLUME_OVER_CAPACITY]");
    expect(out).toContain("[W_OUTFLOW_OVER_CAPACITY]");
  });

  it("I8 terminal escapes in labels and scenario descriptions are escaped in every text report", async () => {
    const dir = tempDir();
    const g = smallGraph();
    (g.nodes.find((n) => n.key === "c1")!.attributes as Attrs).label = "evil\u001b]52;c;AAAA\u0007\rX\u009bY";
    const graph = save(dir, "g.json", g);
    const scenario = save(dir, "s.json", {
      name: "esc",
      description: "clear\u001b[2J\u001b[Hscreen",
      remove: [{ country: "CN" }],
    });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    const raw = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/;
    for (const format of ["text", "md", "json", "csv"]) {
      const r = await runCli(["analyze", graph, "--scenario", scenario, "--format", format]);
      expect(r.code).toBe(0);
      expect(raw.test(r.stdout)).toBe(false);
      expect(raw.test(r.stderr)).toBe(false);
    }
    const out = join(dir, "r.md");
    await runCli(["analyze", graph, "--scenario", scenario, "--format", "md", "--out", out]);
    const { readFileSync } = await import("node:fs");
    expect(raw.test(readFileSync(out, "utf8"))).toBe(false);
    const summary = await runCli(["summary", graph]);
    expect(raw.test(summary.stdout)).toBe(false);
    expect(existsSync(join(dir, "r.txt"))).toBe(false);
  });
});
