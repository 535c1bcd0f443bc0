import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkGraphFile } from "../../src/io/load-graph.js";
import { readGraphTable } from "../../src/io/read-graph-table.js";
import { GraphFileError } from "../../src/model/errors.js";
import { checkSerializedGraph } from "../../src/model/graph-checks.js";
import type { Problem } from "../../src/model/types.js";
import { serializedFromText } from "../_helpers/graph-from-text.js";

type Obj = Record<string, any>;
const base = () =>
  serializedFromText(`
    mine [mine CN output=ore capacity=10(8..12)]
    ref [refinery JP output=ox recipe=ore:2(1.5..2.5)]
    car [consumer JP demand=5]
    mine -> ref volume=10(9..10)
    ref -> car volume=5
  `) as Obj;

const errors = (data: unknown) => checkSerializedGraph(data).problems.filter((p) => p.severity === "error");

describe("ranges on node and edge attributes", () => {
  it("accepts ranges that contain their value, on nodes, recipes and edges", () => {
    const data = base();
    expect(data.nodes[0].attributes.ranges).toEqual({ capacity: { low: 8, high: 12 } });
    const result = checkSerializedGraph(data);
    expect(result.problems).toEqual([]);
    expect(result.graph?.getNodeAttribute("ref", "ranges")).toEqual({
      "recipe.ore": { low: 1.5, high: 2.5 },
    });
    expect(result.graph?.getEdgeAttribute("mine->ref", "ranges")).toEqual({ volume: { low: 9, high: 10 } });
  });

  it("accepts a degenerate range and a why", () => {
    const data = base();
    data.nodes[2].attributes.ranges = { demand: { low: 5, high: 5, why: "contracted" } };
    expect(errors(data)).toEqual([]);
  });

  it.each([
    ["a value above high", { capacity: { low: 1, high: 9 } }, "E_RANGE_OUTSIDE"],
    ["a value below low", { capacity: { low: 11, high: 12 } }, "E_RANGE_OUTSIDE"],
    ["low above high", { capacity: { low: 12, high: 8 } }, "E_RANGE_ORDER"],
    ["a negative low", { capacity: { low: -1, high: 12 } }, "E_RANGE_VALUE"],
    ["a range on an absent value", { demand: { low: 1, high: 2 } }, "E_RANGE_NO_VALUE"],
    ["a range on a non-numeric attribute", { label: { low: 1, high: 2 } }, "E_RANGE_KEY"],
    ["a misspelt attribute", { capcity: { low: 1, high: 20 } }, "E_RANGE_KEY"],
    ["a bound that is text", { capacity: { low: "8", high: 12 } }, "E_RANGE_SHAPE"],
    ["a missing bound", { capacity: { low: 8 } }, "E_RANGE_SHAPE"],
    ["an unknown field", { capacity: { low: 8, high: 12, mode: 10 } }, "E_RANGE_SHAPE"],
    ["a non-finite bound", { capacity: { low: 8, high: Number.POSITIVE_INFINITY } }, "E_RANGE_SHAPE"],
  ])("refuses %s on a node, naming node, key and path", (_name, ranges, code) => {
    const data = base();
    data.nodes[0].attributes.ranges = ranges;
    const key = Object.keys(ranges)[0];
    expect(errors(data)).toEqual([
      expect.objectContaining({ code, nodeId: "mine", path: `/nodes/0/attributes/ranges/${key}` }),
    ]);
  });

  it("checks recipe ranges against the recipe amount: positive, containing it, a material it has", () => {
    const cases: Array<[Obj, string]> = [
      [{ "recipe.ore": { low: 0, high: 2.5 } }, "E_RANGE_VALUE"],
      [{ "recipe.ore": { low: 2.1, high: 2.5 } }, "E_RANGE_OUTSIDE"],
      [{ "recipe.slag": { low: 1, high: 2 } }, "E_RANGE_NO_VALUE"],
    ];
    for (const [ranges, code] of cases) {
      const data = base();
      data.nodes[1].attributes.ranges = ranges;
      expect(errors(data).map((p) => [p.code, p.nodeId])).toEqual([[code, "ref"]]);
    }
  });

  it("refuses a bad edge range naming the edge, and recipe keys on an edge", () => {
    const data = base();
    data.edges[1].attributes.ranges = { volume: { low: 6, high: 7 }, "recipe.ore": { low: 1, high: 2 } };
    expect(errors(data).map((p) => [p.code, p.edgeId, p.path])).toEqual([
      ["E_RANGE_OUTSIDE", "ref->car", "/edges/1/attributes/ranges/volume"],
      ["E_RANGE_KEY", "ref->car", "/edges/1/attributes/ranges/recipe.ore"],
    ]);
  });

  it("refuses ranges that are not an object with the schema's type error", () => {
    const data = base();
    data.nodes[0].attributes.ranges = [1, 2];
    expect(errors(data)).toEqual([expect.objectContaining({ code: "E_TYPE", nodeId: "mine" })]);
  });

  it("does not pile a range error on a value that is itself invalid", () => {
    const data = base();
    data.nodes[0].attributes.capacity = -3;
    expect(errors(data).map((p) => p.code)).toEqual(["E_VALUE"]);
  });

  it("gives the same problems on the streamed load of a large file", () => {
    const data = base();
    data.nodes[0].attributes.ranges = { capacity: { low: 1, high: 9 }, label: { low: 1, high: 2 } };
    data.edges[1].attributes.ranges = { volume: { low: 6, high: 7 } };
    const file = join(mkdtempSync(join(tmpdir(), "chokepoint-ranges-")), "g.json");
    writeFileSync(file, JSON.stringify(data, null, 1));
    const whole = checkGraphFile(file).problems;
    expect(whole.map((p) => p.code)).toEqual(["E_RANGE_OUTSIDE", "E_RANGE_KEY", "E_RANGE_OUTSIDE"]);
    let streamed: Problem[] = [];
    try {
      readGraphTable(file, { streamAboveBytes: 0, chunkBytes: 64, batchBytes: 50, streamBatchBytes: 30 });
    } catch (e) {
      if (!(e instanceof GraphFileError)) throw e;
      streamed = e.problems;
    }
    expect(streamed).toEqual(whole);
  });
});
