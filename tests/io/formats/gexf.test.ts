import { describe, expect, it } from "vitest";
import { concentrationReport } from "../../../src/analysis/concentration.js";
import { checkGexfFile, checkGexfText, writeGexf } from "../../../src/io/formats/gexf.js";
import { readGraphFile } from "../../../src/io/read-graph-file.js";
import { contentOf, richGraph } from "./_rich-graph.js";

const FIXTURES = "tests/fixtures/interop";

/** A GEXF document around the given nodes and edges (directed by default). */
function gexf(nodes: string, edges: string, graphAttrs = 'defaultedgetype="directed"', model = "") {
  return `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <meta><stages>mine;refinery;consumer</stages></meta>
  <graph ${graphAttrs}>
    <attributes class="node">
      <attribute id="stage" title="stage" type="string"/>
      <attribute id="country" title="country" type="string"/>
      <attribute id="output" title="output" type="string"/>
      <attribute id="capacity" title="capacity" type="double"/>
      <attribute id="demand" title="demand" type="double"/>${model}
    </attributes>
    <nodes>${nodes}</nodes>
    <edges>${edges}</edges>
  </graph>
</gexf>`;
}
const node = (id: string, stage = "mine", extra = "") =>
  `<node id="${id}" label="${id}"><attvalues><attvalue for="stage" value="${stage}"/><attvalue for="country" value="CN"/><attvalue for="output" value="ore"/>${extra}</attvalues></node>`;
const NODES = node("a") + node("b", "refinery");
const codes = (r: { problems: Array<{ code: string; severity: string }> }) =>
  r.problems.filter((p) => p.severity === "error").map((p) => p.code);

describe("GEXF reader: bad input", () => {
  it("refuses duplicate edges instead of turning the graph multi (E_DUPLICATE_EDGE on the element)", () => {
    const r = checkGexfText(gexf(NODES, '<edge source="a" target="b"/><edge source="a" target="b"/>'));
    expect(r.graph).toBeNull();
    expect(codes(r)).toEqual(["E_DUPLICATE_EDGE"]);
    expect(r.problems.find((p) => p.code === "E_DUPLICATE_EDGE")?.path).toContain("edge[2]");
  });

  it("refuses a repeated edge id (graphology would merge the two silently)", () => {
    const r = checkGexfText(
      gexf(
        NODES + node("c", "refinery"),
        '<edge id="e" source="a" target="b"/><edge id="e" source="a" target="c"/>',
      ),
    );
    expect(codes(r)).toEqual(["E_DUPLICATE_EDGE"]);
  });

  it("refuses mixed directed/undirected and undirected graphs (E_SCHEMA): a supply chain is directed", () => {
    const mixed = checkGexfText(
      gexf(NODES + node("c"), '<edge source="a" target="b"/><edge source="c" target="b" type="undirected"/>'),
    );
    expect(codes(mixed)).toEqual(["E_SCHEMA"]);
    expect(mixed.problems[0]?.path).toContain("edge[2]");
    const undirected = checkGexfText(
      gexf(NODES, '<edge source="a" target="b"/>', 'defaultedgetype="undirected"'),
    );
    expect(codes(undirected)).toEqual(["E_SCHEMA"]);
    // the GEXF default edge type is undirected
    expect(codes(checkGexfText(gexf(NODES, '<edge source="a" target="b"/>', "")))).toEqual(["E_SCHEMA"]);
  });

  it("maps reserved ids (constructor, __proto__) to E_RESERVED_ID instead of crashing graphology", () => {
    const r = checkGexfText(
      gexf(
        node("constructor") + node("__proto__", "refinery"),
        '<edge source="constructor" target="__proto__"/>',
      ),
    );
    expect(r.graph).toBeNull();
    expect(new Set(codes(r))).toEqual(new Set(["E_RESERVED_ID"]));
    expect(r.problems[0]?.nodeId).toBe("constructor");
  });

  it("refuses an attribute titled __proto__ (graphology drops it silently)", () => {
    const r = checkGexfText(
      gexf(
        node("a", "mine", '<attvalue for="p" value="x"/>'),
        "",
        'defaultedgetype="directed"',
        '<attribute id="0" title="__proto__" type="string"/>',
      ),
    );
    expect(codes(r)).toContain("E_RESERVED_KEY");
  });

  it("refuses a non-number in a numeric attribute, naming the element (graphology makes NaN or 0)", () => {
    for (const bad of ["1,000", "", "abc", "NaN", "Infinity"]) {
      const r = checkGexfText(gexf(node("a", "mine", `<attvalue for="capacity" value="${bad}"/>`), ""));
      expect(codes(r), bad).toEqual(["E_TYPE"]);
      expect(r.problems[0]?.path).toBe('/gexf/graph/nodes/node[1][@id="a"]/attvalue[capacity]');
    }
  });

  it("refuses a node without an id, and an edge to a missing node", () => {
    expect(codes(checkGexfText(gexf('<node label="x"/>', "")))).toEqual(["E_SCHEMA"]);
    expect(codes(checkGexfText(gexf(NODES, '<edge source="a" target="ghost"/>')))).toEqual([
      "E_DANGLING_EDGE",
    ]);
  });

  it("validates like loadGraph: a bad country is E_VALUE with the element as path", () => {
    const r = checkGexfText(gexf(node("a").replace('value="CN"', 'value="XX"'), ""));
    expect(codes(r)).toEqual(["E_VALUE"]);
    expect(r.problems.find((p) => p.code === "E_VALUE")?.path).toBe(
      '/gexf/graph/nodes/node[1][@id="a"]/attvalue[country]',
    );
  });
});

describe("GEXF from other tools", () => {
  it("reads Gephi's GEXF 1.3: viz dropped with a warning, weight=1 ignored, stages inferred; analyses", () => {
    const r = checkGexfFile(`${FIXTURES}/gephi-supply.gexf`);
    expect(codes(r)).toEqual([]);
    const warnings = r.problems.map((p) => p.code);
    expect(warnings).toContain("W_DRAWING_DROPPED");
    expect(warnings).toContain("W_STAGES_INFERRED");
    const g = r.graph!;
    expect(g.order).toBe(6);
    expect(g.size).toBe(5);
    for (const n of g.nodes())
      for (const k of ["x", "y", "size", "color"]) expect(g.hasNodeAttribute(n, k)).toBe(false);
    expect(g.getEdgeAttributes("mine-cn->ref-cn")).toEqual({ volume: 85000 });
    expect(g.getNodeAttribute("ref-cn", "recipe")).toEqual({ "REO-concentrate": 1.25 });
    const report = concentrationReport(g);
    expect(report).toBeTruthy();
    expect(JSON.stringify(report)).toContain("CN");
  });

  it("reads networkx write_gexf output (GEXF 1.2draft, numeric attribute ids, snake_case names)", () => {
    const g = readGraphFile(`${FIXTURES}/networkx-supply.gexf`);
    expect(g.order).toBe(7);
    expect(g.size).toBe(7);
    expect(g.hasNode("0012")).toBe(true);
    expect(g.getNodeAttributes("automaker")).toMatchObject({
      stockpileDays: 60,
      valuePerYear: 5.5e9,
      demand: 1500,
    });
    expect(g.getEdgeAttribute("0012->ref-baotou", "leadTimeDays")).toBe(30);
    expect(g.getEdgeAttribute("magnet-jp->automaker", "sources")).toEqual(["industry survey 2024", "JOGMEC"]);
    expect(concentrationReport(g)).toBeTruthy();
  });
});

describe("GEXF writer", () => {
  it("round-trips every node, edge and attribute of a rich graph", () => {
    const g = richGraph();
    const back = checkGexfText(writeGexf(g));
    expect(codes(back)).toEqual([]);
    expect(contentOf(back.graph!)).toEqual(contentOf(g));
  });

  it("removes control characters (graphology-gexf copies them; expat refuses them) and counts them", () => {
    const g = richGraph();
    g.setNodeAttribute("ref-a", "label", "bad\u0001label\u001f\uFFFE");
    const notes = { removedCharacters: 0 };
    const text = writeGexf(g, notes);
    expect(notes.removedCharacters).toBe(3);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: checking for them
    expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text)).toBe(false);
    expect(checkGexfText(text).graph?.getNodeAttribute("ref-a", "label")).toBe("badlabel");
  });

  it("never writes Infinity or NaN: E_VALUE naming the node", () => {
    const g = richGraph();
    g.setNodeAttribute("ref-a", "capacity", Number.POSITIVE_INFINITY);
    expect(() => writeGexf(g)).toThrow(expect.objectContaining({ code: "E_VALUE" }));
    g.setNodeAttribute("ref-a", "capacity", 1);
    g.setNodeAttribute("ref-a", "score", Number.NaN);
    expect(() => writeGexf(g)).toThrow(expect.objectContaining({ code: "E_VALUE" }));
  });
});
