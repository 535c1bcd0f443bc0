import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SortedIdIndex } from "../../src/model/_id-index.js";

describe("SortedIdIndex", () => {
  it("answers as a Map of the sorted ids: get, has, size, iteration (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ maxLength: 6 }), { maxLength: 200 }),
        fc.array(fc.string({ maxLength: 6 })),
        (list, others) => {
          const ids = list.slice().sort();
          const index = new SortedIdIndex(ids);
          const map = new Map(ids.map((id, i) => [id, i]));
          for (const q of [...ids, ...others]) {
            expect(index.get(q)).toBe(map.get(q));
            expect(index.has(q)).toBe(map.has(q));
          }
          expect(index.size).toBe(map.size);
          expect([...index]).toEqual([...map]);
          expect([...index.keys()]).toEqual([...map.keys()]);
          expect([...index.values()]).toEqual([...map.values()]);
        },
      ),
    );
  });

  it("past the searches it answers by binary search, it builds a Map and answers the same", () => {
    const ids = Array.from({ length: 3000 }, (_, i) => `n${i}`).sort();
    const index = new SortedIdIndex(ids);
    for (let round = 0; round < 3; round++)
      for (let i = 0; i < ids.length; i++) expect(index.get(ids[i]!)).toBe(i);
    expect(index.get("nowhere")).toBeUndefined();
  });
});
