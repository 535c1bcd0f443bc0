/**
 * Catalogue, GEXF and GraphML structure that graphology's parsers would drop or merge without a word: a second
 * or nested <graph>, hyperedges, GEXF time intervals, and the same attribute twice on one element.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../_helpers/cli.js";
import { save, tempDir } from "./_helpers.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "interop");
const graphml = readFileSync(join(FIXTURES, "networkx-supply.graphml"), "utf8");
const gexf = readFileSync(join(FIXTURES, "gephi-supply.gexf"), "utf8");

async function validate(name: string, text: string) {
  const r = await runCli(["validate", save(tempDir(), name, text)]);
  return { code: r.code, out: r.stdout + r.stderr };
}

function once(text: string, find: string, replace: string): string {
  expect(text).toContain(find);
  return text.replace(find, replace);
}

describe("robustness: XML structure", () => {
  it("the unchanged fixtures are valid", async () => {
    expect((await validate("a.graphml", graphml)).code).toBe(0);
    expect((await validate("a.gexf", gexf)).code).toBe(0);
  });

  it("X1 GraphML: the same <data key> twice on one node is E_DUPLICATE_DATA", async () => {
    const text = once(
      graphml,
      '<data key="d5">mine</data>',
      '<data key="d5">mine</data><data key="d5">refinery</data>',
    );
    const r = await validate("g.graphml", text);
    expect(r.code).toBe(2);
    expect(r.out).toContain("[E_DUPLICATE_DATA]");
  });

  it("X2 GraphML: a <hyperedge> is E_XML_HYPEREDGE", async () => {
    const text = once(
      graphml,
      "</graph>",
      '<hyperedge><endpoint node="0012"/><endpoint node="mt-pass"/><endpoint node="ref-baotou"/></hyperedge></graph>',
    );
    const r = await validate("g.graphml", text);
    expect(r.code).toBe(2);
    expect(r.out).toContain("[E_XML_HYPEREDGE]");
  });

  it("X3 GraphML: a second <graph>, or one nested in a node, is E_XML_GRAPHS", async () => {
    const second = once(graphml, "</graph>", '</graph><graph edgedefault="directed"><node id="zz"/></graph>');
    const nested = once(
      graphml,
      '<node id="mt-pass">',
      '<node id="mt-pass"><graph edgedefault="directed"><node id="inner"/></graph>',
    );
    for (const text of [second, nested]) {
      const r = await validate("g.graphml", text);
      expect(r.code).toBe(2);
      expect(r.out).toContain("[E_XML_GRAPHS]");
    }
  });

  it("X4 GEXF: spells are reported (W_GEXF_DYNAMIC); two values of one attribute over time are E_DUPLICATE_DATA", async () => {
    const spells = once(
      gexf,
      '<node id="mine-cn" label="Bayan Obo">',
      '<node id="mine-cn" label="Bayan Obo"><spells><spell start="2010" end="2020"/></spells>',
    );
    const s = await validate("g.gexf", spells);
    expect(s.code).toBe(0);
    expect(s.out).toContain("[W_GEXF_DYNAMIC]");
    const values = once(
      gexf,
      '<attvalue for="capacity" value="120000.0"></attvalue>',
      '<attvalue for="capacity" value="120000.0" start="2010" end="2020"></attvalue><attvalue for="capacity" value="1.0" start="2020"></attvalue>',
    );
    const v = await validate("g.gexf", values);
    expect(v.code).toBe(2);
    expect(v.out).toContain("[E_DUPLICATE_DATA]");
  });
});
