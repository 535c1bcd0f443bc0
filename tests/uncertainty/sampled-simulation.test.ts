/**
 * `sampledSimulation`: Monte Carlo over `simulate`, checked on chains whose figures are a known function of the
 * one ranged value (the expected intervals are computed from the same draws, and from the distribution).
 */
import { describe, expect, it, vi } from "vitest";
import { UsageError } from "../../src/model/errors.js";
import { intervalOf, censoredIntervalOf } from "../../src/uncertainty/quantiles.js";
import { sampler } from "../../src/uncertainty/sample-graph.js";
import { movesSimulation, sampledSimulation } from "../../src/uncertainty/sampled-simulation.js";
import { graphFromText } from "../_helpers/graph-from-text.js";

// Every sample is a whole simulation (tens of small LPs): seconds per test, more on a loaded machine.
vi.setConfig({ testTimeout: 300_000 });

// Demand 73 t/yr = 0.2 t/day; stockpileDays S holds 0.2·S t, so a full cut from day 0 is first short on day ⌊S⌋.
const stocked = () =>
  graphFromText(`
    mine [mine CN output=ore capacity=73]
    car [consumer JP demand=73 stockpileDays=30(20..40)]
    mine -> car volume=73
  `);
const CUT = { name: "cut", remove: [{ node: "mine" }] };

// Served = the mine's capacity every period: the deepest fraction is capacity / 73.
const capped = () =>
  graphFromText(`
    mine [mine AU output=ore capacity=36.5(18.25..54.75)]
    car [consumer JP demand=73]
    mine -> car volume=36.5
  `);

describe("sampledSimulation", () => {
  it("refuses a bad sample count or seed (UsageError)", async () => {
    await expect(sampledSimulation(stocked(), CUT, { samples: 0 })).rejects.toBeInstanceOf(UsageError);
    await expect(sampledSimulation(stocked(), CUT, { seed: -2 })).rejects.toBeInstanceOf(UsageError);
  });

  it("a ranged stock: time-to-survive is ⌊S⌋ of each draw, the percentiles those of the draws", async () => {
    const n = 120;
    const options = {
      samples: n,
      seed: 7,
      distribution: "uniform" as const,
      simulate: { horizon: 45, step: 1 },
    };
    const run = await sampledSimulation(stocked(), CUT, options);
    expect(run.inputs.map((x) => `${x.id}.${x.attribute}`)).toEqual(["car.stockpileDays"]);
    const draw = sampler(run.inputs, options);
    const stock = Float64Array.from({ length: n }, (_, i) => draw(i, 0, new Float64Array(1))[0]!);
    const days = Float64Array.from(stock, Math.floor);
    const jp = run.countries.JP!;
    expect(jp.timeToSurvive).toEqual(censoredIntervalOf(days));
    // uniform on [20, 40]: the median ⌊S⌋ is 29 or 30, the 5th percentile about 21, the 95th about 39
    expect(Math.abs(jp.timeToSurvive.p50! - 29.5)).toBeLessThanOrEqual(1.5);
    expect(jp.timeToSurvive.p05!).toBeGreaterThanOrEqual(20);
    expect(jp.timeToSurvive.p95!).toBeLessThanOrEqual(39);
    // the mine never comes back: short in every sample, never recovered, everything lost after the stock
    expect(jp.shortShare).toBe(1);
    expect(jp.timeToRecover).toEqual({ p05: null, p50: null, p95: null });
    expect(jp.deepestFraction).toEqual({ p05: 0, p50: 0, p95: 0 });
    // the day the stock runs out is served in part: 45 − S days of total loss
    const lost = intervalOf(Float64Array.from(stock, (s) => 45 - s));
    for (const k of ["p05", "p50", "p95"] as const)
      expect(jp.resilienceLoss.shareDays[k]).toBeCloseTo(lost[k], 4);
  });

  it("a ranged capacity: the deepest fraction's percentiles are the capacity's over 73", async () => {
    const n = 400;
    const options = { samples: n, seed: 3, simulate: { horizon: 28, step: 7 } };
    const run = await sampledSimulation(capped(), { name: "baseline" }, options);
    const draw = sampler(run.inputs, { seed: 3, distribution: "triangular" });
    const fractions = Float64Array.from({ length: n }, (_, i) => draw(i, 0, new Float64Array(1))[0]! / 73);
    const want = intervalOf(fractions);
    const got = run.countries.JP!.deepestFraction;
    for (const k of ["p05", "p50", "p95"] as const) expect(got[k]).toBeCloseTo(want[k], 5);
    // triangular(0.25, 0.5, 0.75): median 0.5, 5th percentile 0.25 + √(0.05·0.5·0.25) ≈ 0.329
    expect(got.p50).toBeCloseTo(0.5, 1);
    expect(got.p05).toBeCloseTo(0.329, 1);
  });

  it("the same seed gives identical results, whatever the threads; another seed other draws", async () => {
    const options = { samples: 40, seed: 11, simulate: { horizon: 40, step: 2 } };
    const one = await sampledSimulation(stocked(), CUT, options);
    const again = await sampledSimulation(stocked(), CUT, options);
    expect(JSON.stringify(again)).toBe(JSON.stringify(one));
    for (const threads of [2, 3]) {
      const threaded = await sampledSimulation(stocked(), CUT, { ...options, threads });
      expect(JSON.stringify(threaded), `${threads} threads`).toBe(JSON.stringify(one));
    }
    const other = await sampledSimulation(stocked(), CUT, { ...options, seed: 12 });
    expect(JSON.stringify(other.countries)).not.toBe(JSON.stringify(one.countries));
  });

  it("draws stocks, lead times and recovery days, but not values (they move only the money loss)", () => {
    const input = {
      kind: "node" as const,
      id: "a",
      value: 1,
      low: 0,
      high: 2,
      why: null,
      origin: "file" as const,
    };
    expect(movesSimulation({ ...input, attribute: "stockpileDays" })).toBe(true);
    expect(movesSimulation({ ...input, attribute: "recoveryDays" })).toBe(true);
    expect(movesSimulation({ ...input, kind: "edge", attribute: "leadTimeDays" })).toBe(true);
    expect(movesSimulation({ ...input, attribute: "valuePerYear" })).toBe(false);
  });
});
