import { describe, expect, it } from "vitest";
import { checkSerializedGraph } from "../../src/model/graph-checks.js";
import { serializedFromText } from "../_helpers/graph-from-text.js";

type Obj = Record<string, any>;
const base = () =>
  serializedFromText(`
    mine [mine CN output=ore capacity=10]
    ref [refinery JP output=ox recipe=ore:2]
    car [consumer JP demand=5]
    mine -> ref volume=10
    ref -> car volume=5
  `) as Obj;

function codes(data: unknown) {
  return checkSerializedGraph(data).problems.map((p) => p.code);
}

describe("checkSerializedGraph: invalid input", () => {
  it("rejects a file without nodes, or with nodes that are not an array", () => {
    expect(codes({ attributes: { stages: ["a"] } })).toContain("E_SCHEMA");
    expect(codes({ attributes: { stages: ["a"] }, nodes: null })).toContain("E_SCHEMA");
    expect(checkSerializedGraph({ attributes: { stages: ["a"] }, nodes: 3 }).problems[0]?.path).toBe(
      "/nodes",
    );
  });

  it("rejects null node attributes at their path", () => {
    const data = base();
    data.nodes[0].attributes = null;
    const p = checkSerializedGraph(data).problems;
    expect(p[0]).toMatchObject({ code: "E_SCHEMA", path: "/nodes/0/attributes" });
  });

  it("names both indices of a duplicate node id", () => {
    const data = base();
    data.nodes.push({ key: "mine", attributes: { label: "again", stage: "mine", country: "CN" } });
    const p = checkSerializedGraph(data).problems.find((x) => x.code === "E_DUPLICATE_NODE");
    expect(p).toMatchObject({ nodeId: "mine", path: "/nodes/3/key" });
    expect(p?.message).toContain("0");
  });

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"])(
    "refuses the node id %s",
    (id) => {
      const data = base();
      data.nodes.push({ key: id, attributes: { label: id, stage: "mine", country: "CN" } });
      expect(codes(data)).toContain("E_RESERVED_ID");
    },
  );

  it.each(["__proto__", "constructor", "prototype"])(
    "refuses the attribute key %s without polluting",
    (key) => {
      const text = JSON.stringify(base()).replace(
        '"label":"mine"',
        `"${key}":{"polluted":true},"label":"mine"`,
      );
      const result = checkSerializedGraph(JSON.parse(text));
      expect(result.problems.map((p) => p.code)).toContain("E_RESERVED_KEY");
      expect(result.graph).toBeNull();
      expect(({} as Obj).polluted).toBeUndefined();
    },
  );

  it("refuses an edge to a missing node, naming the edge, and never creates the node", () => {
    const data = base();
    data.edges.push({ source: "ref", target: "ghost", attributes: {} });
    const result = checkSerializedGraph(data);
    expect(result.graph).toBeNull();
    expect(result.problems.find((p) => p.code === "E_DANGLING_EDGE")).toMatchObject({
      path: "/edges/2/target",
      edgeId: "ref->ghost",
    });
  });

  it("drops a self-loop with a warning", () => {
    const data = base();
    data.edges.push({ source: "mine", target: "mine", attributes: {} });
    const result = checkSerializedGraph(data);
    expect(result.problems.map((p) => [p.severity, p.code])).toEqual([["warning", "W_SELF_LOOP"]]);
    expect(result.graph?.size).toBe(2);
  });

  it("refuses parallel edges (never a silent switch to a multi graph)", () => {
    const data = base();
    data.edges.push({ source: "mine", target: "ref", attributes: { volume: 1 } });
    expect(codes(data)).toContain("E_DUPLICATE_EDGE");
  });

  it("refuses a negative capacity at its JSON path", () => {
    const data = base();
    data.edges[0].attributes.capacity = -1;
    expect(checkSerializedGraph(data).problems[0]).toMatchObject({
      code: "E_VALUE",
      path: "/edges/0/attributes/capacity",
    });
  });

  it.each(["12", "1,000"])("refuses capacity given as the string %s (no coercion)", (value) => {
    const data = base();
    data.nodes[0].attributes.capacity = value;
    expect(checkSerializedGraph(data).problems[0]).toMatchObject({
      code: "E_TYPE",
      path: "/nodes/0/attributes/capacity",
    });
  });

  it("treats a missing capacity as unlimited, and keeps a zero-capacity edge", () => {
    const data = base();
    data.edges[1].attributes.capacity = 0;
    const graph = checkSerializedGraph(data).graph!;
    expect(graph.getNodeAttribute("ref", "capacity")).toBeUndefined();
    expect(graph.getEdgeAttribute("ref->car", "capacity")).toBe(0);
  });

  it("warns about a missing country and counts the node as ZZ", () => {
    const data = base();
    delete data.nodes[0].attributes.country;
    const result = checkSerializedGraph(data);
    expect(result.problems.map((p) => p.code)).toEqual(["W_MISSING_COUNTRY"]);
    expect(result.graph?.getNodeAttribute("mine", "country")).toBe("ZZ");
  });

  it("takes NA as Namibia and refuses codes outside ISO 3166-1", () => {
    const data = base();
    data.nodes[0].attributes.country = "NA";
    expect(checkSerializedGraph(data).graph).not.toBeNull();
    data.nodes[0].attributes.country = "XX";
    expect(codes(data)).toEqual(["E_VALUE"]);
  });

  it("refuses sigma's drawing attributes such as type and hidden", () => {
    const data = base();
    data.nodes[0].attributes.type = "refinery";
    data.edges[0].attributes.color = "#f00";
    expect(codes(data)).toEqual(["E_SCHEMA", "E_SCHEMA"]);
  });

  it("refuses undirected and multi graphs, and undirected edges", () => {
    const data = base();
    data.options = { type: "mixed", multi: true };
    data.edges[0].undirected = true;
    const c = codes(data);
    expect(c.filter((x) => x === "E_SCHEMA").length).toBeGreaterThanOrEqual(2);
  });

  it("refuses a consumer with an outgoing edge, and an unknown stage", () => {
    const data = base();
    data.edges.push({ source: "car", target: "ref", attributes: {} });
    data.nodes[0].attributes.stage = "quarry";
    expect(codes(data)).toEqual(expect.arrayContaining(["E_CONSUMER_HAS_OUTPUT", "E_SCHEMA"]));
  });

  it("refuses a recipe that no supplier can meet, and a recipe node fed by a node without output", () => {
    const data = base();
    data.nodes[1].attributes.recipe = { ore: 2, dy: 0.1 };
    expect(codes(data)).toEqual(["E_RECIPE_UNSUPPLIED"]);
    const data2 = base();
    delete data2.nodes[0].attributes.output;
    expect(codes(data2)).toEqual(expect.arrayContaining(["E_SUPPLIER_NO_OUTPUT", "E_RECIPE_UNSUPPLIED"]));
  });

  it("cross-checks recipes over many materials (past the 32 the rules keep as bits), missing ones in order", () => {
    // 40 suppliers of 40 materials (m0..m39, to recipe nodes: each one recorded); a maker needs m5 and m35 (both
    // supplied, m35 past the first 32) and a, zz (neither): the missing ones are reported in sorted order
    const data = base();
    const recipe: Record<string, number> = { zz: 1, m35: 1, a: 1, m5: 1 };
    data.nodes.push({
      key: "maker",
      attributes: { label: "Maker", stage: "refinery", country: "JP", recipe },
    });
    for (let k = 0; k < 40; k++) {
      data.nodes.push({
        key: `s${k}`,
        attributes: { label: `S${k}`, stage: "mine", country: "CN", output: `m${k}` },
      });
      data.edges.push({ source: `s${k}`, target: k === 5 || k === 35 ? "maker" : "ref", attributes: {} });
    }
    const problems = checkSerializedGraph(data).problems.filter((p) => p.code === "E_RECIPE_UNSUPPLIED");
    expect(problems.map((p) => [p.nodeId, p.path])).toEqual([
      ["maker", "/nodes/3/attributes/recipe/a"],
      ["maker", "/nodes/3/attributes/recipe/zz"],
    ]);
  });

  it("refuses edges on a stockpile", () => {
    const data = base();
    data.nodes.push({
      key: "jp-stock",
      attributes: { label: "stock", stage: "stockpile", country: "JP", output: "ox", stock: 3 },
    });
    data.edges.push({ source: "jp-stock", target: "car", attributes: {} });
    expect(codes(data)).toContain("E_STOCKPILE_EDGE");
  });

  it("counts a node's shipped volume against its capacity, leaving out volumes to pipeline facilities", () => {
    // the mine (capacity 10) ships 10 to ref; 4 more to a planned or idle plant is not shipped in the baseline
    for (const status of ["planned", "construction", "idle"]) {
      const data = base();
      data.nodes.push({
        key: "plant",
        attributes: { label: "plant", stage: "refinery", country: "AU", output: "ox", status },
      });
      data.edges.push({ source: "mine", target: "plant", attributes: { volume: 4 } });
      expect(codes(data)).not.toContain("W_OUTFLOW_OVER_CAPACITY");
    }
    const data = base();
    data.nodes.push({
      key: "plant",
      attributes: { label: "plant", stage: "refinery", country: "AU", output: "ox" },
    });
    data.edges.push({ source: "mine", target: "plant", attributes: { volume: 4 } });
    expect(codes(data)).toContain("W_OUTFLOW_OVER_CAPACITY");
  });

  it("refuses huge labels and ids (E_LIMIT), with a configurable limit", () => {
    const data = base();
    data.nodes[0].attributes.label = "x".repeat(1_000_000);
    data.nodes.push({ key: "i".repeat(100_000), attributes: { label: "l", stage: "mine", country: "CN" } });
    expect(codes(data)).toEqual(["E_LIMIT", "E_LIMIT"]);
    expect(checkSerializedGraph(base(), { maxLabelLength: 2 }).problems.map((p) => p.code)).toContain(
      "E_LIMIT",
    );
  });

  it("lists every problem of a bad file, not just the first", () => {
    const data = base();
    data.nodes[0].attributes.capacity = "12";
    data.nodes[1].attributes.country = "XX";
    data.edges.push({ source: "ref", target: "ghost" });
    expect(codes(data)).toEqual(["E_TYPE", "E_VALUE", "E_DANGLING_EDGE"]);
  });

  it("keeps unknown attributes with a warning", () => {
    const data = base();
    data.nodes[0].attributes.capactiy = 3;
    const result = checkSerializedGraph(data);
    expect(result.problems.map((p) => p.code)).toEqual(["W_UNKNOWN_ATTRIBUTE"]);
    expect(result.graph?.getNodeAttribute("mine", "capactiy")).toBe(3);
  });
});

describe("checkSerializedGraph: valid graphs", () => {
  it("accepts the empty graph", () => {
    const result = checkSerializedGraph({ attributes: { stages: ["mine"] }, nodes: [], edges: [] });
    expect(result.problems).toEqual([]);
    expect(result.graph?.order).toBe(0);
  });

  it("builds a directed simple graph with deterministic edge keys", () => {
    const graph = checkSerializedGraph(base()).graph!;
    expect(graph.type).toBe("directed");
    expect(graph.multi).toBe(false);
    expect(graph.edges()).toEqual(["mine->ref", "ref->car"]);
    expect(graph.getAttribute("stages")).toContain("consumer");
  });

  it("answers neighbourhood queries on the graph it builds (its adjacency objects are its own)", () => {
    const graph = checkSerializedGraph(
      serializedFromText(`
        mine [mine CN output=ore capacity=10]
        pit [mine AU output=ore capacity=4]
        ref [refinery JP output=ox recipe=ore:2]
        car [consumer JP demand=5]
        mine -> ref volume=10
        pit -> ref volume=2
        ref -> car volume=5
      `),
    ).graph!;
    expect(graph.hasEdge("mine", "ref")).toBe(true);
    expect(graph.hasDirectedEdge("ref", "car")).toBe(true);
    expect(graph.hasDirectedEdge("car", "ref")).toBe(false);
    expect(graph.hasEdge("mine", "car")).toBe(false);
    expect(graph.inNeighbors("ref").sort()).toEqual(["mine", "pit"]);
    expect(graph.outEdges("mine")).toEqual(["mine->ref"]);
    expect(graph.edge("pit", "ref")).toBe("pit->ref");
    expect(graph.areNeighbors("ref", "car")).toBe(true);
    expect(graph.degree("ref")).toBe(3);
    graph.dropEdge("mine->ref");
    expect(graph.hasEdge("mine", "ref")).toBe(false);
    expect(graph.inNeighbors("ref")).toEqual(["pit"]);
    expect(graph.copy().inNeighbors("ref")).toEqual(["pit"]);
  });

  it("keeps ids that look like numbers as strings", () => {
    const data = base();
    data.nodes.push({ key: "0012", attributes: { label: "x", stage: "mine", country: "CN" } });
    expect(checkSerializedGraph(data).graph?.hasNode("0012")).toBe(true);
    data.nodes.push({ key: 12, attributes: { label: "x", stage: "mine", country: "CN" } });
    expect(codes(data)).toEqual(["E_TYPE"]);
  });
});
