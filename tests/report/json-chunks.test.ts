import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonChunks } from "../../src/report/json-chunks.js";
import { stableJson } from "../../src/report/table.js";

const joined = (value: unknown, batch: number, chunkChars: number) =>
  [...jsonChunks(value, { batch, chunkChars })].join("");

describe("jsonChunks", () => {
  it("writes exactly what stableJson writes, on hand-picked values", () => {
    const cases: unknown[] = [
      {},
      [],
      { a: [], b: {}, c: null, d: undefined, e: [undefined, 1], f: "x\ny", g: { h: [{ i: 1 }] } },
      [1, "two", null, [3, [4, { five: 5 }]]],
      { 'key "quoted"': -0, n: 1e21, s: "\u2028" },
      { date: new Date(0), nested: { date: new Date(0) } },
      "plain",
      42,
    ];
    for (const v of cases)
      for (const batch of [1, 2, 3, 100]) expect(joined(v, batch, 7)).toBe(stableJson(v));
  });

  it("writes exactly what stableJson writes, on random JSON values and chunk sizes", () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 64 }),
        (v, d, c) => {
          expect(joined(v, d, c)).toBe(stableJson(v));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("hands out chunks of at least the asked size (the last one may be smaller)", () => {
    const value = { nodes: Array.from({ length: 2000 }, (_, i) => ({ id: `n${i}`, x: i })) };
    const chunks = [...jsonChunks(value, { batch: 50, chunkChars: 4096 })];
    expect(chunks.length).toBeGreaterThan(10);
    for (const c of chunks.slice(0, -1)) expect(c.length).toBeGreaterThanOrEqual(4096);
  });
});

describe("jsonChunks with recordsPerLine", () => {
  it("puts each element of a top-level array on its own compact line, the rest as stableJson", () => {
    const value = {
      schema: 1,
      graph: { name: "g" },
      consumers: [{ id: "a", x: [1, 2] }, { id: "b" }],
      empty: [],
    };
    expect([...jsonChunks(value, { recordsPerLine: true, chunkChars: 5 })].join("")).toBe(
      '{\n  "schema": 1,\n  "graph": {\n    "name": "g"\n  },\n  "consumers": [\n    {"id":"a","x":[1,2]},\n    {"id":"b"}\n  ],\n  "empty": []\n}\n',
    );
  });

  it("parses back to the same value, on random JSON values", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 64 }), (v, c) => {
        const text = [...jsonChunks(v, { recordsPerLine: true, chunkChars: c })].join("");
        expect(JSON.parse(text)).toEqual(JSON.parse(stableJson(v)));
        expect(text.endsWith("\n")).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
