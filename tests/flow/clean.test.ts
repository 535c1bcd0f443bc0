import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quantize, quantum } from "../../src/flow/_clean.js";

describe("quantize", () => {
  it("a figure exactly halfway between two steps goes up, whichever side the solver's last bits put it", () => {
    // the case found on the generated 2,000-node graph under no-china: 53/160 × 76 t on a 0.01 t grid
    expect(quantize(25.17500000000003, 0.01)).toBe(25.18);
    expect(quantize(25.174999999999994, 0.01)).toBe(25.18);
    expect(quantize((53 / 160) * 76, 0.01)).toBe(25.18);
    expect(quantize(21.25 - 1e-9, 0.1)).toBe(21.3);
    // a country's sum over its consumers, from a fresh and from a reused model (tests/uncertainty/reused-model)
    expect(quantize(7473.949715614745, 0.1)).toBe(7474);
    expect(quantize(7473.950129192686, 0.1)).toBe(7474);
  });

  it("rounds to the nearest step away from halfway, and keeps figures already on the grid", () => {
    expect(quantize(25.174, 0.01)).toBe(25.17);
    expect(quantize(25.176, 0.01)).toBe(25.18);
    expect(quantize(25.1344, 0.01)).toBe(25.13);
    expect(quantize(7474, 0.1)).toBe(7474);
    expect(quantize(0.04, 0.1)).toBe(0);
    expect(quantize(-2.5, 1)).toBe(-2);
  });

  it("noise of up to 1% of a step never moves a figure on the grid, or a quarter or half a step off it, to another step (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.constantFrom(0, 0.25, 0.5, 0.75),
        fc.double({ min: -0.01, max: 0.01, noNaN: true }),
        fc.double({ min: -0.01, max: 0.01, noNaN: true }),
        fc.constantFrom(1, 1e3, 1e6, 1e8),
        (k, part, e1, e2, scale) => {
          const q = quantum(scale);
          expect(quantize((k + part + e1) * q, q)).toBe(quantize((k + part + e2) * q, q));
        },
      ),
    );
  });
});
