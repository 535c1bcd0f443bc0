import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdBytes } from "../../src/io/_id-bytes.js";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("IdBytes", () => {
  it("finds each id by its UTF-8 bytes; prefixes, other scripts and unknown ids", () => {
    const ids = ["a", "ab", "b", "Bayan Obo", "包头", "ñ", "0012", "12", "x->y"];
    const index = new IdBytes(ids);
    ids.forEach((id, i) => expect(index.positionOf(utf8(id))).toBe(i));
    for (const unknown of ["", "abc", "A", "包", "012", "x->"])
      expect(index.positionOf(utf8(unknown))).toBe(-1);
  });

  it("a repeated id keeps its first position", () => {
    expect(new IdBytes(["p", "q", "p"]).positionOf(utf8("p"))).toBe(0);
  });

  it("agrees with a Map of the strings (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: "grapheme", maxLength: 6 }), { maxLength: 300 }),
        fc.array(fc.string({ maxLength: 6 })),
        (ids, others) => {
          const index = new IdBytes(ids);
          const map = new Map(ids.map((id, i) => [id, i]));
          for (const q of [...ids, ...others]) expect(index.positionOf(utf8(q))).toBe(map.get(q) ?? -1);
        },
      ),
    );
  });

  it("sortedOrder is the order of the strings by <, by their bytes (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.oneof(fc.string({ maxLength: 8 }), fc.stringMatching(/^(mi|re)[0-9]{1,6}$/)), {
          maxLength: 400,
        }),
        (ids) => {
          const order = new IdBytes(ids).sortedOrder();
          // a byte from 0xEE (U+E000 and up, beyond U+FFFF, a lone surrogate's U+FFFD) leaves it to the strings
          const high = ids.some((id) => [...utf8(id)].some((b) => b >= 0xee));
          if (high) expect(order).toBeNull();
          else expect(Array.from(order!, (i) => ids[i])).toEqual(ids.slice().sort());
        },
      ),
    );
    expect(new IdBytes(["b", "a", "ab", "", "aa"]).sortedOrder()).toEqual(Int32Array.from([3, 1, 4, 2, 0]));
    expect(new IdBytes(["\uE000", "\u{10000}"]).sortedOrder()).toBeNull();
  });

  it("repeated: true when some id's bytes are given twice", () => {
    expect(new IdBytes(["p", "q"]).repeated).toBe(false);
    expect(new IdBytes(["p", "q", "p"]).repeated).toBe(true);
  });
});
