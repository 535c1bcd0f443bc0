import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { philox4x32 } from "../../src/uncertainty/_philox.js";
import { inputCounters, uniformAt, valueAt } from "../../src/uncertainty/draws.js";

const hex = (o: Uint32Array) => [...o].map((x) => x.toString(16).padStart(8, "0")).join(" ");

describe("Philox4x32-10", () => {
  it("gives the known-answer vectors of Random123 (kat_vectors)", () => {
    const o = new Uint32Array(4);
    philox4x32(0, 0, 0, 0, 0, 0, o);
    expect(hex(o)).toBe("6627e8d5 e169c58d bc57ac4c 9b00dbd8");
    const f = 0xffffffff;
    philox4x32(f, f, f, f, f, f, o);
    expect(hex(o)).toBe("408f276d 41c83b0e a20bc7c6 6d5451fd");
    philox4x32(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0, o);
    expect(hex(o)).toBe("d16cfe09 94fdcceb 5001e420 24126ea1");
  });
});

describe("uniformAt", () => {
  it("is a pure function of (seed, sample, stream, counter), in [0, 1)", () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(100000), fc.nat(1), fc.nat(), (seed, sample, stream, h) => {
        const u = uniformAt(seed, sample, stream, [h, 0]);
        expect(u).toBeGreaterThanOrEqual(0);
        expect(u).toBeLessThan(1);
        expect(uniformAt(seed, sample, stream, [h, 0])).toBe(u);
      }),
    );
  });

  it("is uniform: mean, variance and every decile of 100,000 draws within sampling error", () => {
    const n = 100_000;
    const bins = new Array(10).fill(0);
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const u = uniformAt(42, i, 0, [7, 0]);
      sum += u;
      sq += u * u;
      bins[Math.floor(u * 10)]++;
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(sq / n - (sum / n) ** 2).toBeCloseTo(1 / 12, 2);
    // Each decile holds 10,000 ± 95 (binomial sd); 5 sd is a failure, not bad luck.
    for (const b of bins) expect(Math.abs(b - n / 10)).toBeLessThan(5 * 95);
  });

  it("separates seeds, samples, streams and inputs", () => {
    const base = uniformAt(1, 5, 0, [9, 0]);
    expect(uniformAt(2, 5, 0, [9, 0])).not.toBe(base);
    expect(uniformAt(1, 6, 0, [9, 0])).not.toBe(base);
    expect(uniformAt(1, 5, 1, [9, 0])).not.toBe(base);
    expect(uniformAt(1, 5, 0, [10, 0])).not.toBe(base);
    expect(uniformAt(1, 5, 0, [9, 1])).not.toBe(base);
    expect(uniformAt(2 ** 40, 5, 0, [9, 0])).not.toBe(uniformAt(0, 5, 0, [9, 0]));
  });
});

describe("inputCounters", () => {
  it("depends on the name only, not on the other inputs or their order", () => {
    const a = inputCounters(["node\u0000x\u0000capacity", "edge\u0000a->b\u0000volume"]);
    const b = inputCounters([
      "edge\u0000a->b\u0000volume",
      "node\u0000q\u0000demand",
      "node\u0000x\u0000capacity",
    ]);
    expect(a[0]).toEqual(b[2]);
    expect(a[1]).toEqual(b[0]);
  });

  it("gives equal names distinct counters", () => {
    const [first, second] = inputCounters(["same", "same"]);
    expect(first![0]).toBe(second![0]);
    expect(first![1]).not.toBe(second![1]);
  });
});

describe("valueAt (inverse CDF)", () => {
  const r = { value: 100, low: 60, high: 160 };
  it("maps 0 to low, the mode's probability to the value, and 1 to high", () => {
    expect(valueAt(r, 0)).toBe(60);
    expect(valueAt(r, 0.4)).toBeCloseTo(100, 12); // F(c) = (c − a)/(b − a) = 0.4
    expect(valueAt(r, 1)).toBe(160);
    expect(valueAt(r, 0.5, "uniform")).toBe(110);
  });

  it("gives the triangular quantiles: F(x) = (x−a)²/((b−a)(c−a)) below the mode", () => {
    expect(valueAt(r, 0.05)).toBeCloseTo(60 + Math.sqrt(0.05 * 100 * 40), 12);
    expect(valueAt(r, 0.95)).toBeCloseTo(160 - Math.sqrt(0.05 * 100 * 60), 12);
  });

  it("stays in [low, high], is monotone in u, and a degenerate range gives its value", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (x, y, t, u, v) => {
          const low = Math.min(x, y);
          const high = Math.max(x, y);
          const range = { low, high, value: low + t * (high - low) };
          for (const law of ["triangular", "uniform"] as const) {
            const a = valueAt(range, Math.min(u, v), law);
            const b = valueAt(range, Math.max(u, v), law);
            expect(a).toBeGreaterThanOrEqual(low);
            expect(b).toBeLessThanOrEqual(high);
            // Monotone up to rounding where the two branches of the inverse meet at the mode.
            expect(a).toBeLessThanOrEqual(b + 1e-12 * high);
          }
        },
      ),
    );
    expect(valueAt({ value: 5, low: 5, high: 5 }, 0.7)).toBe(5);
  });
});
