import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  fastEdgeAttributes,
  fastEdgeEntry,
  fastFile,
  fastNodeAttributes,
  fastNodeEntry,
} from "../../src/model/_fast-schema.js";
import {
  edgeAttributesSchema,
  edgeEntrySchema,
  fileSchema,
  nodeAttributesSchema,
  nodeEntrySchema,
} from "../../src/model/schema.js";

// Values near the edges of each rule: empty strings, negatives, NaN, non-integers, wrong types, explicit undefined.
const value = fc.oneof(
  fc.constantFrom("", "x", "CN", "planned", "operating", "bogus", -1, 0, 1.5, 91, -181, 2 ** 60, Number.NaN),
  fc.constantFrom(
    null,
    undefined,
    true,
    [],
    [""],
    ["s"],
    ["s", 1],
    {},
    { a: 1 },
    { "": 1 },
    { a: 0 },
    { a: "1" },
  ),
  fc.integer({ min: -5, max: 2030 }),
);
const nodeKeys = [
  "label",
  "stage",
  "country",
  "operator",
  "lat",
  "lon",
  "capacity",
  "output",
  "recipe",
  "demand",
];
const moreKeys = [
  "stockpileDays",
  "stock",
  "recoveryDays",
  "valuePerYear",
  "status",
  "since",
  "sources",
  "notes",
  "ranges",
  "zz",
];
const edgeKeys = ["volume", "capacity", "leadTimeDays", "sources", "notes", "ranges", "zz", "label"];
const record = (keys: string[]) => fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 8 });
const validNode = fc.record({
  label: fc.constantFrom("a", "Mine"),
  stage: fc.constantFrom("mine", "consumer"),
  country: fc.constantFrom("CN", "JP"),
  sources: fc.constant(["s"]),
  zz: fc.constant(1),
});

/** The fast path must return zod's exact output (keys, order, values) or null. */
function agrees(fast: unknown, slow: { success: boolean; data?: unknown }) {
  if (fast === null) return;
  expect(slow.success).toBe(true);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(slow.data));
  expect(Object.keys(fast as object)).toEqual(Object.keys(slow.data as object));
}

describe("fast schema paths agree with zod", () => {
  it("node attributes", () => {
    fc.assert(
      fc.property(fc.oneof(record([...nodeKeys, ...moreKeys]), validNode), fc.boolean(), (raw, adopt) => {
        agrees(fastNodeAttributes(raw, adopt), nodeAttributesSchema.safeParse(raw));
      }),
      { numRuns: 2000 },
    );
  });

  it("takes the fast path on valid nodes, in or out of key order", () => {
    const raw = { zz: 1, stage: "mine", label: "a", sources: ["s"] };
    expect(fastNodeAttributes(raw, true)).not.toBe(raw); // out of zod's order: a reordered copy
    agrees(fastNodeAttributes(raw), nodeAttributesSchema.safeParse(raw));
    const ordered = { label: "a", stage: "mine", sources: ["s"], zz: 1 };
    expect(fastNodeAttributes(ordered, true)).toBe(ordered);
    expect(fastNodeAttributes(ordered, false)).not.toBe(ordered);
  });

  it("edge attributes", () => {
    fc.assert(
      fc.property(record(edgeKeys), fc.boolean(), (raw, adopt) => {
        agrees(fastEdgeAttributes(raw, adopt), edgeAttributesSchema.safeParse(raw));
      }),
      { numRuns: 2000 },
    );
  });

  it("node and edge entries", () => {
    const entry = fc.dictionary(
      fc.constantFrom("key", "attributes", "source", "target", "undirected"),
      value,
      {
        maxKeys: 5,
      },
    );
    fc.assert(
      fc.property(entry, (raw) => {
        const node = fastNodeEntry(raw);
        if (node) expect(nodeEntrySchema.safeParse(raw).data).toMatchObject(node);
        const edge = fastEdgeEntry(raw);
        if (edge) {
          const slow = edgeEntrySchema.safeParse(raw);
          expect(slow.success).toBe(true);
          expect(slow.data?.source).toBe(edge.source);
          expect(slow.data?.key).toBe(edge.key);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("file objects: the members zod keeps, without copies of the lists", () => {
    const member = fc.oneof(value, fc.constantFrom([{ key: "a" }], { type: "directed", multi: false }));
    const options = fc.dictionary(
      fc.constantFrom("type", "multi", "allowSelfLoops", "zz"),
      fc.oneof(value, fc.constantFrom("directed", "mixed", "undirected", false)),
      { maxKeys: 3 },
    );
    const file = fc.dictionary(
      fc.constantFrom("attributes", "options", "nodes", "edges", "zz"),
      fc.oneof(member, options),
      { maxKeys: 5 },
    );
    let fast = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          file,
          fc.record({ attributes: fc.constant({ name: "g" }), nodes: fc.constant([]), options }),
        ),
        (raw) => {
          const got = fastFile(raw);
          const slow = fileSchema.safeParse(raw);
          if (got === null) return;
          fast++;
          expect(slow.success).toBe(true);
          const { attributes, options: opts, nodes, edges } = slow.data!;
          expect(JSON.stringify(got.attributes)).toBe(JSON.stringify(attributes));
          // the options are only read (their key order is zod's shape first, not kept here)
          expect(got.options).toEqual(opts);
          expect(got.nodes).toEqual(nodes);
          expect(got.edges).toEqual(edges);
          expect(got.nodes).toBe((raw as { nodes: unknown }).nodes);
        },
      ),
      { numRuns: 2000 },
    );
    expect(fast).toBeGreaterThan(50);
  });
});
