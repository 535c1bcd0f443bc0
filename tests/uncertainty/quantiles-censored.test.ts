import { describe, expect, it } from "vitest";
import { censoredIntervalOf } from "../../src/uncertainty/quantiles.js";

const INF = Number.POSITIVE_INFINITY;

describe("censoredIntervalOf", () => {
  it("equals the plain percentiles when nothing is censored", () => {
    // 0..20: p05 = 1, p50 = 10, p95 = 19 (definition 7)
    const xs = Array.from({ length: 21 }, (_, i) => 20 - i);
    expect(censoredIntervalOf(xs)).toEqual({ p05: 1, p50: 10, p95: 19 });
  });

  it("gives null where a percentile lands on, or interpolates towards, a sample beyond the horizon", () => {
    // 21 values, the top 3 censored: p95 at h = 19 lands on one; p50 at h = 10 is a number
    const xs = [...Array.from({ length: 18 }, (_, i) => i), INF, INF, INF];
    expect(censoredIntervalOf(xs)).toEqual({ p05: 1, p50: 10, p95: null });
    // 4 values: p95 at h = 2.85 interpolates between 2 and a censored one
    expect(censoredIntervalOf([0, 1, 2, INF]).p95).toBeNull();
  });

  it("leaves out NaN (does not apply), and is all null when nothing applies", () => {
    expect(censoredIntervalOf([Number.NaN, 5, Number.NaN])).toEqual({ p05: 5, p50: 5, p95: 5 });
    expect(censoredIntervalOf([Number.NaN])).toEqual({ p05: null, p50: null, p95: null });
  });
});
