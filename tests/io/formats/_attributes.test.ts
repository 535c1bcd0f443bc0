import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canonicalName,
  decodeList,
  decodeRecipe,
  encodeList,
  encodeRecipe,
  inferStages,
  LIST_KEYS,
  NUMERIC_KEYS,
  parseStrictNumber,
} from "../../../src/io/formats/_attributes.js";
import {
  edgeAttributesSchema,
  graphAttributesSchema,
  KNOWN_EDGE_KEYS,
  KNOWN_GRAPH_KEYS,
  KNOWN_NODE_KEYS,
  nodeAttributesSchema,
} from "../../../src/model/schema.js";

describe("attribute typing follows the schema", () => {
  const schemas = { graph: graphAttributesSchema, node: nodeAttributesSchema, edge: edgeAttributesSchema };
  const known = { graph: KNOWN_GRAPH_KEYS, node: KNOWN_NODE_KEYS, edge: KNOWN_EDGE_KEYS };
  for (const owner of ["graph", "node", "edge"] as const) {
    it(`${owner}: exactly the schema's number fields are numeric, its string arrays are lists`, () => {
      const base =
        owner === "graph" ? { stages: ["mine"] } : owner === "node" ? { label: "x", stage: "mine" } : {};
      for (const key of known[owner]) {
        const acceptsNumber = schemas[owner].safeParse({ ...base, [key]: 1 }).success;
        expect(NUMERIC_KEYS[owner].has(key), key).toBe(
          acceptsNumber && !schemas[owner].safeParse({ ...base, [key]: "1" }).success,
        );
        const acceptsList = schemas[owner].safeParse({ ...base, [key]: ["a"] }).success;
        expect(LIST_KEYS[owner].has(key), key).toBe(acceptsList);
      }
    });
  }
});

describe("names from other tools", () => {
  it("maps Gephi titles and networkx snake_case onto ours; leaves others alone", () => {
    expect(canonicalName("node", "Label")).toBe("label");
    expect(canonicalName("node", "stockpile_days")).toBe("stockpileDays");
    expect(canonicalName("node", "Value Per Year")).toBe("valuePerYear");
    expect(canonicalName("node", "latitude")).toBe("lat");
    expect(canonicalName("edge", "lead_time_days")).toBe("leadTimeDays");
    expect(canonicalName("node", "modularity_class")).toBe("modularity_class");
    // networkx users often call the stage `type`, which the viewer reserves
    expect(canonicalName("node", "type")).toBe("stage");
  });
});

describe("text encodings", () => {
  it("lists survive any text, including ; and \\", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc
            .string({ minLength: 1 })
            .map((s) => s.trim())
            .filter((s) => s !== ""),
        ),
        (items) => {
          expect(decodeList(encodeList(items))).toEqual(items);
        },
      ),
    );
  });

  it("recipes: material:amount;...; a material may hold a colon; bad items are errors", () => {
    expect(decodeRecipe(encodeRecipe({ "NdPr-metal": 0.3, "a:b": 2 }))).toEqual({
      recipe: { "NdPr-metal": 0.3, "a:b": 2 },
    });
    expect(decodeRecipe("ore")).toHaveProperty("error");
    expect(decodeRecipe("ore:1,5")).toHaveProperty("error");
    expect(decodeRecipe("ore:1;ore:2")).toHaveProperty("error");
    expect(Object.getPrototypeOf((decodeRecipe("__proto__:1") as { recipe: object }).recipe)).toBe(
      Object.prototype,
    );
  });

  it("numbers: plain decimal or scientific only", () => {
    expect(parseStrictNumber(" 12.5 ")).toBe(12.5);
    expect(parseStrictNumber("1e3")).toBe(1000);
    for (const bad of ["1,000", "", "0x10", "12 t", "Infinity", "NaN", "1e400"])
      expect(parseStrictNumber(bad)).toBeNaN();
  });

  it("inferred stages follow the chain order, unknown ones after", () => {
    expect(inferStages(["consumer", "plant", "mine", "refinery", "mine"])).toEqual([
      "mine",
      "refinery",
      "consumer",
      "plant",
    ]);
  });
});
