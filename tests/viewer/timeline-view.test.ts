/** The timeline's pure part: the library's simulation flattened for the page, read at a period. */
import { describe, expect, it } from "vitest";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { simulate } from "../../src/simulate/simulate.js";
import {
  countryCurve,
  dayLabel,
  marksAt,
  nodeReadout,
  periodAt,
  toTimelineData,
} from "../../viewer/src/timeline-view.js";
import { graphFromText } from "../_helpers/graph-from-text.js";

// Demand 73 t/yr = 1.4 t a week; a 14-day stock (2.8 t) bridges two weeks of the cut, then nothing is served.
const graph = () =>
  graphFromText(
    `
    mine [mine CN output=ore capacity=73]
    car [consumer JP demand=73 stockpileDays=14]
    mine -> car volume=73
  `,
    { year: 2025 },
  );

async function data() {
  const g = graph();
  const sim = await simulate(g, applyScenario(g, { name: "cut", remove: [{ node: "mine" }] }), {
    horizon: 35,
    step: 7,
  });
  return toTimelineData(sim);
}

describe("timeline view", () => {
  it("keys each period's served shares and stocks, with the stocks' day-0 tonnes", async () => {
    const d = await data();
    expect(d.periods.map((p) => p.day)).toEqual([0, 7, 14, 21, 28]);
    expect(d.periods.map((p) => p.consumers.car)).toEqual([1, 1, 0, 0, 0]);
    expect(d.periods.map((p) => p.countries.JP)).toEqual([1, 1, 0, 0, 0]);
    expect(d.periods.map((p) => p.stocks.car)).toEqual([1.4, 0, 0, 0, 0]);
    expect(d.initialStocks).toEqual({ car: 2.8 });
    expect(d.startDate).toBe("2025-01-01");
  });

  it("reads a period: label, node readout, marks; indices outside are clamped", async () => {
    const d = await data();
    expect(dayLabel(d, 1)).toBe("Day 7 of 35 (2025-01-08)");
    expect(periodAt(d, 99)!.day).toBe(28);
    expect(periodAt(d, -3)!.day).toBe(0);
    expect(nodeReadout(d, 0, "car")).toBe("car: served 100.0%, stock 1.4 of 2.8 t left");
    expect(nodeReadout(d, 2, "car")).toBe("car: served 0.0%, stock 0 of 2.8 t left");
    expect(nodeReadout(d, 0, "mine")).toBeNull();
    expect(marksAt(d, 0)).toEqual({ starved: new Map(), stocks: new Map([["car", 0.5]]) });
    expect(marksAt(d, 2)).toEqual({ starved: new Map([["car", 0]]), stocks: new Map([["car", 0]]) });
  });

  it("gives a country's curve as (day, share) points, and none for a country without consumers", async () => {
    const d = await data();
    expect(countryCurve(d, "JP")).toEqual([
      { day: 0, fraction: 1 },
      { day: 7, fraction: 1 },
      { day: 14, fraction: 0 },
      { day: 21, fraction: 0 },
      { day: 28, fraction: 0 },
    ]);
    expect(countryCurve(d, "US")).toEqual([]);
  });
});
