import { describe, expect, it } from "vitest";
import { concentrationReport } from "../../../src/analysis/concentration.js";
import { checkGraphmlFile, checkGraphmlText, writeGraphml } from "../../../src/io/formats/graphml.js";
import { contentOf, richGraph } from "./_rich-graph.js";

const FIXTURES = "tests/fixtures/interop";

function graphml(body: string, edgedefault = "directed", keys = "") {
  return `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="s" for="node" attr.name="stage" attr.type="string"/>
  <key id="c" for="node" attr.name="country" attr.type="string"/>
  <key id="cap" for="node" attr.name="capacity" attr.type="double"/>
  <key id="v" for="edge" attr.name="volume" attr.type="double"/>${keys}
  <graph id="G" edgedefault="${edgedefault}">${body}</graph>
</graphml>`;
}
const node = (id: string, stage = "mine", extra = "") =>
  `<node id="${id}"><data key="s">${stage}</data><data key="c">CN</data>${extra}</node>`;
const NODES = node("a") + node("b", "refinery");
const codes = (r: { problems: Array<{ code: string; severity: string }> }) =>
  r.problems.filter((p) => p.severity === "error").map((p) => p.code);

describe("GraphML reader: bad input", () => {
  it("refuses a double such as 1,5 (graphology makes it NaN) naming the element", () => {
    const r = checkGraphmlText(graphml(node("a", "mine", '<data key="cap">1,5</data>')));
    expect(codes(r)).toEqual(["E_TYPE"]);
    expect(r.problems[0]?.path).toBe('/graphml/graph/node[1][@id="a"]/data[capacity]');
  });

  it("refuses undirected and mixed graphs (E_SCHEMA)", () => {
    expect(codes(checkGraphmlText(graphml(`${NODES}<edge source="a" target="b"/>`, "undirected")))).toEqual([
      "E_SCHEMA",
    ]);
    const mixed = graphml(
      `${NODES}${node("c")}<edge source="a" target="b"/><edge source="c" target="b" directed="false"/>`,
    );
    expect(codes(checkGraphmlText(mixed))).toEqual(["E_SCHEMA"]);
    // edgedefault undirected but every edge says directed="true": a directed graph
    const allDirected = graphml(`${NODES}<edge source="a" target="b" directed="true"/>`, "undirected");
    expect(codes(checkGraphmlText(allDirected))).toEqual([]);
  });

  it("refuses parallel edges (E_DUPLICATE_EDGE), reserved ids and dangling edges", () => {
    expect(
      codes(checkGraphmlText(graphml(`${NODES}<edge source="a" target="b"/><edge source="a" target="b"/>`))),
    ).toEqual(["E_DUPLICATE_EDGE"]);
    expect(codes(checkGraphmlText(graphml(node("toString"))))).toEqual(["E_RESERVED_ID"]);
    expect(codes(checkGraphmlText(graphml(`${NODES}<edge source="a" target="zz"/>`)))).toEqual([
      "E_DANGLING_EDGE",
    ]);
    expect(codes(checkGraphmlText(graphml(`${NODES}<edge source="a" target="hasOwnProperty"/>`)))).toEqual([
      "E_RESERVED_ID",
    ]);
  });

  it("refuses a key named __proto__", () => {
    const r = checkGraphmlText(
      graphml(
        node("a", "mine", '<data key="p">x</data>'),
        "directed",
        '<key id="p" for="node" attr.name="__proto__" attr.type="string"/>',
      ),
    );
    expect(codes(r)).toContain("E_RESERVED_KEY");
  });

  it("drops yEd graphics and Gephi colour/position columns with a warning", () => {
    const keys =
      '<key id="g" for="node" yfiles.type="nodegraphics"/><key id="x" for="node" attr.name="x" attr.type="float"/><key id="r" for="node" attr.name="r" attr.type="int"/><key id="gg" for="node" attr.name="g" attr.type="int"/><key id="b" for="node" attr.name="b" attr.type="int"/>';
    const n = node(
      "a",
      "mine",
      '<data key="g"><y:ShapeNode xmlns:y="http://www.yworks.com/xml/graphml"><y:Fill color="#FFCC00"/></y:ShapeNode></data><data key="x">1.5</data><data key="r">10</data><data key="gg">20</data><data key="b">30</data>',
    );
    const r = checkGraphmlText(graphml(n, "directed", keys));
    expect(codes(r)).toEqual([]);
    expect(r.problems.map((p) => p.code)).toContain("W_DRAWING_DROPPED");
    expect(r.graph?.getNodeAttributes("a")).toEqual({ label: "a", stage: "mine", country: "CN" });
  });
});

describe("GraphML from networkx", () => {
  it("reads nx.write_graphml output: graph data at the end, snake_case, long/double keys, no label", () => {
    const r = checkGraphmlFile(`${FIXTURES}/networkx-supply.graphml`);
    expect(codes(r)).toEqual([]);
    const g = r.graph!;
    expect(g.getAttributes()).toMatchObject({
      name: "networkx rare-earth sample",
      year: 2025,
      units: "t/yr",
    });
    expect(g.getAttribute("stages")).toEqual(["mine", "refinery", "metal", "magnet", "consumer"]);
    expect(g.getNodeAttribute("ref-lynas", "label")).toBe("ref-lynas");
    expect(g.getNodeAttributes("mt-pass").capacity).toBe(45000);
    expect(g.getNodeAttributes("automaker")).toMatchObject({ stockpileDays: 60, valuePerYear: 5.5e9 });
    expect(g.size).toBe(7);
    expect(concentrationReport(g)).toBeTruthy();
  });
});

describe("GraphML writer", () => {
  it("declares typed keys and round-trips every node, edge and attribute of a rich graph", () => {
    const g = richGraph();
    const text = writeGraphml(g);
    expect(text).toContain('attr.name="capacity" attr.type="double"');
    expect(text).toContain('attr.name="since" attr.type="int"');
    expect(text).toContain('attr.name="certified" attr.type="boolean"');
    const back = checkGraphmlText(text);
    expect(codes(back)).toEqual([]);
    expect(contentOf(back.graph!)).toEqual(contentOf(g));
  });

  it("never writes Infinity: E_VALUE", () => {
    const g = richGraph();
    g.setEdgeAttribute("main-line", "volume", Number.NEGATIVE_INFINITY);
    expect(() => writeGraphml(g)).toThrow(expect.objectContaining({ code: "E_VALUE" }));
  });
});
