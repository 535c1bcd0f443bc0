import { describe, expect, it } from "vitest";
import { uniformAt } from "../../src/uncertainty/draws.js";
import { sobolIndices, sobolOfModel } from "../../src/uncertainty/sobol.js";

/** Ishigami & Homma (1990): f = sin x1 + a sin² x2 + b x3⁴ sin x1, x uniform on [−π, π]³. */
function ishigami(a: number, b: number) {
  return (u: Float64Array) => {
    const [x1, x2, x3] = [...u].map((v) => Math.PI * (2 * v - 1)) as [number, number, number];
    return Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1);
  };
}

describe("sobolIndices", () => {
  it("gives the Ishigami function's analytic indices (a = 7, b = 0.1) within 0.02", () => {
    const s = sobolOfModel(ishigami(7, 0.1), 3, 50_000, (row, stream, input) =>
      uniformAt(2024, row, stream, [input, 0]),
    );
    // Analytic values: V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2 = 13.8446; V1 = (1 + bπ⁴/5)²/2, V2 = a²/8,
    // V13 = b²π⁸ (1/18 − 1/50): S = 0.3139, 0.4424, 0 and ST = 0.5576, 0.4424, 0.2437.
    const want = { first: [0.3139, 0.4424, 0], total: [0.5576, 0.4424, 0.2437] };
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(s.first[i]! - want.first[i]!), `S${i + 1}`).toBeLessThan(0.02);
      expect(Math.abs(s.total[i]! - want.total[i]!), `ST${i + 1}`).toBeLessThan(0.02);
    }
    expect(s.variance).toBeCloseTo(13.8446, 0);
  });

  it("gives S = ST = 1 for an output that is one input (within sampling error), 0 for an ignored input", () => {
    const s = sobolOfModel(
      (x) => x[0]!,
      2,
      20_000,
      (row, stream, input) => uniformAt(5, row, stream, [input, 0]),
    );
    // Standard errors at N = 20,000: 0.02 for S (its terms b(b − a) have sd 0.233, V = 1/12), under 0.01 for ST.
    expect(Math.abs(s.first[0]! - 1)).toBeLessThan(0.06);
    expect(Math.abs(s.total[0]! - 1)).toBeLessThan(0.03);
    expect(s.first[1]).toBe(0);
    expect(s.total[1]).toBe(0);
  });

  it("is not thrown off by an output whose mean dwarfs its spread (S1 is computed on centred outputs)", () => {
    // A served share of about 15% ± 1.5%, as Japan's: uncentred, 300 rows gave S1 > 2 for its main input.
    const s = sobolOfModel(
      (x) => 0.15 + 0.03 * (x[0]! - 0.5) + 0.003 * x[1]!,
      2,
      300,
      (row, stream, input) => uniformAt(8, row, stream, [input, 0]),
    );
    expect(Math.abs(s.first[0]! - 0.99)).toBeLessThan(0.1);
    expect(Math.abs(s.first[1]! - 0.01)).toBeLessThan(0.05);
  });

  it("gives null indices for an output that does not vary, and skips NaN rows", () => {
    expect(sobolIndices([1, 1], [1, 1], [[1, 1]])).toEqual({ first: [null], total: [null], variance: 0 });
    const s = sobolIndices([0, 1, Number.NaN, 0], [1, 0, 5, 1], [[1, 0, 3, 1]]);
    expect(s.total[0]).not.toBeNull();
    expect(Number.isFinite(s.total[0]!)).toBe(true);
  });
});
