import { describe, expect, it } from "vitest";
import { intervalOf, probabilityBelow, quantileSorted } from "../../src/uncertainty/quantiles.js";

describe("quantileSorted (Hyndman & Fan definition 7)", () => {
  it("interpolates between order statistics like R's and NumPy's default", () => {
    const x = [1, 2, 3, 4, 10];
    expect(quantileSorted(x, 0)).toBe(1);
    expect(quantileSorted(x, 0.5)).toBe(3);
    expect(quantileSorted(x, 1)).toBe(10);
    expect(quantileSorted(x, 0.05)).toBeCloseTo(1.2, 12); // h = 0.2
    expect(quantileSorted(x, 0.95)).toBeCloseTo(8.8, 12); // h = 3.8: 4 + 0.8 × 6
    expect(quantileSorted([7], 0.3)).toBe(7);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});

describe("intervalOf", () => {
  it("sorts, leaves out NaN, and gives p05/p50/p95", () => {
    const values = Float64Array.from({ length: 101 }, (_, i) => 100 - i);
    values[3] = Number.NaN;
    const i = intervalOf(values);
    expect(i.p50).toBeCloseTo(49.5, 9); // 100 values 0..100 without 97
    expect(intervalOf([]).p05).toBeNaN();
    expect(intervalOf(Float64Array.from({ length: 21 }, (_, k) => k))).toEqual({ p05: 1, p50: 10, p95: 19 });
  });
});

describe("probabilityBelow", () => {
  it("counts paired samples strictly below, ties (within LP noise) not, NaN left out", () => {
    expect(probabilityBelow([1, 2, 3, 4], [2, 2, 2, 5])).toBe(0.5);
    expect(probabilityBelow([0.3, 0.3 + 1e-13], [0.3 + 1e-13, 0.3])).toBe(0);
    expect(probabilityBelow([1, Number.NaN], [2, 0])).toBe(1);
    expect(probabilityBelow([], [])).toBeNaN();
  });
});
