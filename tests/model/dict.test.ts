import { describe, expect, it } from "vitest";
import { dict, own } from "../../src/model/dict.js";

describe("dict / own", () => {
  it("keeps __proto__ and constructor as plain keys, and serialises them", () => {
    const d = dict<number>();
    for (const k of ["__proto__", "constructor", "toString"]) d[k] = 1;
    expect(Object.keys(d).sort()).toEqual(["__proto__", "constructor", "toString"]);
    expect(JSON.parse(JSON.stringify(d))).toEqual(JSON.parse('{"__proto__":1,"constructor":1,"toString":1}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("own() never reads an inherited member", () => {
    const plain: Record<string, number> = { mine: 365 };
    expect(own(plain, "constructor")).toBeUndefined();
    expect(own(plain, "__proto__")).toBeUndefined();
    expect(own(plain, "mine")).toBe(365);
  });
});
