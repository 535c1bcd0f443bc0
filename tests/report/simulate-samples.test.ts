/** The sampled intervals in the `simulate` report: cells "value (p05-p95)", censored bounds, the JSON fields. */
import { describe, expect, it } from "vitest";
import {
  amountInterval,
  daysInterval,
  fractionInterval,
  type SimulationIntervals,
  simulationWithIntervals,
} from "../../src/report/simulate-samples.js";
import type { Simulation } from "../../src/simulate/types.js";

describe("simulate report intervals", () => {
  it("writes a cell as the point value then the 5th-95th percentile; beyond the horizon as >horizon", () => {
    expect(daysInterval(30, { p05: 21, p50: 29, p95: 38 }, 365)).toBe("30 (21-38)");
    expect(daysInterval(null, { p05: 40, p50: null, p95: null }, 365)).toBe("- (40->365)");
    expect(daysInterval(12, undefined, 365)).toBe("12");
    expect(fractionInterval(0.5, { p05: 0.25, p50: 0.5, p95: 0.75 })).toBe("50.0% (25.0-75.0)");
    expect(fractionInterval(0.5, { p05: Number.NaN, p50: Number.NaN, p95: Number.NaN })).toBe("50.0%");
    expect(amountInterval(1500, { p05: 1200, p50: 1500, p95: 1800 })).toBe("1,500 (1,200-1,800)");
  });

  it("puts the intervals beside each country's figures in the JSON, and the sampling at the top", () => {
    const sim = {
      scenario: "s",
      countries: {
        JP: {
          timeToSurvive: 30,
          deepestFraction: 0,
          timeToRecover: null,
          resilienceLoss: { tonneDays: 3, shareDays: 15 },
          loss: null,
        },
      },
    } as unknown as Simulation;
    const i = { p05: 1, p50: 2, p95: 3 };
    const intervals: SimulationIntervals = {
      samples: { n: 10, seed: 1 },
      distribution: "triangular",
      inputs: 2,
      countries: {
        JP: {
          shortShare: 1,
          timeToSurvive: i,
          deepestFraction: i,
          timeToRecover: { p05: null, p50: null, p95: null },
          resilienceLoss: { tonneDays: i, shareDays: i },
        },
      },
    };
    const json = simulationWithIntervals(sim, intervals) as unknown as Record<string, unknown>;
    expect(json.samples).toEqual({ n: 10, seed: 1 });
    expect(json.uncertainInputs).toBe(2);
    expect((json.countries as Record<string, unknown>).JP).toEqual({
      ...sim.countries.JP,
      shortShare: 1,
      timeToSurviveInterval: i,
      deepestFractionInterval: i,
      timeToRecoverInterval: { p05: null, p50: null, p95: null },
      resilienceLossInterval: { tonneDays: i, shareDays: i },
    });
    expect(simulationWithIntervals(sim, undefined)).toBe(sim);
  });
});
