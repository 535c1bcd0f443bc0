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
