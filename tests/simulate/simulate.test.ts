/**
 * `simulate`, hand-checked on tiny chains (daily periods, demand 73 t/yr = 0.2 t/day), then the bundled graphs:
 * no disruption serves everyone every period, and the yearly model is the limit of the time model.
 */
import { describe, expect, it, vi } from "vitest";
import { servedDemand } from "../../src/flow/served-demand.js";
import { bundledGraphPath } from "../../src/io/bundled.js";
import { loadGraph } from "../../src/io/load-graph.js";
import { loadScenario } from "../../src/io/load-scenario.js";
import { UsageError } from "../../src/model/errors.js";
import type { SupplyGraph } from "../../src/model/types.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import type { Scenario } from "../../src/scenario/types.js";
import { simulate } from "../../src/simulate/simulate.js";
import type { SimulateOptions } from "../../src/simulate/types.js";
import { graphFromText } from "../_helpers/graph-from-text.js";

// Daily periods make a few hundred small LP solves per test: seconds alone, much longer on a loaded machine.
vi.setConfig({ testTimeout: 300_000 });

/** Served fraction of country `code` per day (daily periods). */
async function curve(graph: SupplyGraph, scenario: Scenario, options: SimulateOptions, code = "JP") {
  const sim = await simulate(graph, applyScenario(graph, scenario), { step: 1, nodes: false, ...options });
  return { sim, f: sim.periods.map((p) => p.countries[code]!.fraction) };
}

/** The first day whose fraction is below 1 (null when none). */
const firstShort = (f: number[]) => {
  const k = f.findIndex((x) => x < 1);
  return k < 0 ? null : k;
};

const chain = (extra = "", edge = "") =>
  graphFromText(`
    mine [mine CN output=ore capacity=73]
    car [consumer JP demand=73 ${extra}]
    mine -> car volume=73 ${edge}
  `);

describe("simulate: bad options", () => {
  it("rejects a horizon or step that is not a positive whole number, and a bad start date (UsageError)", async () => {
    const g = chain();
    const applied = applyScenario(g, { name: "baseline" });
    for (const options of [{ horizon: 0 }, { step: 2.5 }, { startDate: "2025-13-01" }]) {
      await expect(simulate(g, applied, options)).rejects.toBeInstanceOf(UsageError);
    }
  });
});

describe("simulate: stocks", () => {
  it("a consumer stock of S tonnes bridges exactly S / daily demand days of a full cut, then the drop", async () => {
    // stockpileDays 30 → S = 30 × 0.2 = 6 t → 30 days
    const { sim, f } = await curve(
      chain("stockpileDays=30"),
      { name: "cut", remove: [{ node: "mine" }] },
      { horizon: 45 },
    );
    expect(f.slice(0, 30).every((x) => x === 1)).toBe(true);
    expect(f.slice(30).every((x) => x === 0)).toBe(true);
    expect(sim.countries.JP!.timeToSurvive).toBe(30);
    expect(sim.periods[9]!.stocks).toEqual([{ id: "car", left: 4 }]); // 6 t − 10 days × 0.2 t
    // 15 days of full loss: 15 share-days, 15 × 0.2 = 3 t
    expect(sim.countries.JP!.resilienceLoss).toEqual({ tonneDays: 3, shareDays: 15 });
  });

  it("an intermediate stock is drawn only through the node's own capacity: gone when the node is down", async () => {
    const g = graphFromText(`
      mine [mine CN output=ore capacity=73]
      ref [refinery JP output=ox capacity=73 stockDays=20]
      car [consumer JP demand=73]
      mine -> ref volume=73
      ref -> car volume=73
    `);
    const mineDown = await curve(g, { name: "m", remove: [{ node: "mine" }] }, { horizon: 30 });
    expect(firstShort(mineDown.f)).toBe(20);
    const refDown = await curve(g, { name: "r", remove: [{ node: "ref" }] }, { horizon: 30 });
    expect(firstShort(refDown.f)).toBe(0);
  });

  it("a national stockpile feeds its country's processors, through their capacity", async () => {
    const g = graphFromText(`
      mine [mine CN output=ore capacity=73]
      pile [stockpile JP output=ore stock=2]
      ref [refinery JP output=ox capacity=73]
      car [consumer JP demand=73]
      mine -> ref volume=73
      ref -> car volume=73
    `);
    // 2 t of ore at 0.2 t/day: 10 days
    const { sim, f } = await curve(g, { name: "m", remove: [{ node: "mine" }] }, { horizon: 20 });
    expect(firstShort(f)).toBe(10);
    expect(sim.periods[4]!.stocks).toEqual([{ id: "pile", left: 1 }]);
  });
});

describe("simulate: windows, recovery, lead times, requalification, ramp-up", () => {
  it("a 60-day cut shows the drop and the return; a removed node ramps back over its recoveryDays", async () => {
    const cut = await curve(
      chain(),
      { name: "c", cut: [{ from: "CN", to: "JP", startDay: 10, durationDays: 60 }] },
      { horizon: 90 },
    );
    expect(cut.f.slice(0, 10).every((x) => x === 1)).toBe(true);
    expect(cut.f.slice(10, 70).every((x) => x === 0)).toBe(true);
    expect(cut.f.slice(70).every((x) => x === 1)).toBe(true);
    expect(cut.sim.countries.JP).toMatchObject({ timeToSurvive: 0, deepestFraction: 0, timeToRecover: 60 });
    expect(cut.sim.window).toEqual({ startDay: 10, endDay: 70 });

    const g = graphFromText(`
      mine [mine CN output=ore capacity=73 recoveryDays=30]
      car [consumer JP demand=73]
      mine -> car volume=73
    `);
    const down = await curve(
      g,
      { name: "r", startDay: 10, durationDays: 60, remove: [{ node: "mine" }] },
      { horizon: 110 },
    );
    expect(down.f[69]).toBe(0);
    expect(down.f[85]).toBeCloseTo(15.5 / 30, 5); // mid-day of the 16th day of recovery
    expect(down.f.slice(100).every((x) => x === 1)).toBe(true);
    expect(down.sim.countries.JP!.timeToRecover).toBe(90); // short from day 10, ≥ 99% from day 100
  });

  it("a lead time delays the loss by that many days (material in transit keeps arriving)", async () => {
    const scenario: Scenario = { name: "m", remove: [{ node: "mine", startDay: 5 }] };
    expect(firstShort((await curve(chain(), scenario, { horizon: 30 })).f)).toBe(5);
    expect(firstShort((await curve(chain("", "leadTimeDays=12"), scenario, { horizon: 30 })).f)).toBe(17);
  });

  it("requalification delays rerouting to a supplier the buyer did not use in the baseline", async () => {
    const g = graphFromText(`
      cn [mine CN output=ore capacity=73]
      au [mine AU output=ore capacity=100]
      car [consumer JP demand=73 qualificationDays=40]
      cn -> car volume=73
      au -> car volume=0
    `);
    const scenario: Scenario = { name: "no-cn", remove: [{ node: "cn" }] };
    const slow = await curve(g, scenario, { horizon: 60 });
    expect(slow.f.slice(0, 40).every((x) => x === 0)).toBe(true);
    expect(slow.f.slice(40).every((x) => x === 1)).toBe(true);
    // the stage default applies without the node attribute, and the option replaces it
    const g2 = graphFromText(`
      cn [mine CN output=ore capacity=73]
      au [mine AU output=ore capacity=100]
      car [consumer JP demand=73]
      cn -> car volume=73
      au -> car volume=0
    `);
    expect(firstShort((await curve(g2, scenario, { horizon: 10, qualificationAll: 0 })).f)).toBeNull();
    const byStage = await curve(g2, scenario, { horizon: 12, qualificationDays: { consumer: 7 } });
    expect(byStage.f.indexOf(1)).toBe(7);
  });

  it("a pipeline facility comes online on 1 January of its since year and reaches nameplate after rampDays", async () => {
    const g = graphFromText(
      `
      old [mine CN output=ore capacity=73]
      new [mine AU output=ore capacity=73 status=planned since=2026 rampDays=100]
      car [consumer JP demand=73]
      old -> car volume=73
      new -> car
    `,
      { year: 2025 },
    );
    const scenario: Scenario = { name: "ramp", includePlanned: true, remove: [{ node: "old" }] };
    const { sim, f } = await curve(g, scenario, { horizon: 480 });
    expect(sim.startDate).toBe("2025-01-01");
    expect(f.slice(0, 365).every((x) => x === 0)).toBe(true);
    expect(f[365 + 50]).toBeCloseTo(50.5 / 100, 5);
    expect(f.slice(465).every((x) => x === 1)).toBe(true);
  });
});

describe("simulate: bundled graphs", () => {
  for (const year of [2010, 2025] as const) {
    it(`without a disruption every period serves 100% (${year})`, async () => {
      const g = loadGraph(bundledGraphPath(year));
      const sim = await simulate(g, applyScenario(g, { name: "baseline" }), { nodes: false });
      expect(sim.periods).toHaveLength(53);
      for (const p of sim.periods) for (const c of Object.values(p.countries)) expect(c.fraction).toBe(1);
      for (const c of Object.values(sim.countries)) expect(c.timeToSurvive).toBeNull();
    }, 120_000);
  }

  it.each([
    [2010, "china-embargo-japan-2010"],
    [2025, "china-heavy-ree-controls-2025"],
  ] as const)(
    "the yearly model is the limit: step = horizon = 365, no lead times or stocks, requalification 0 (%i, %s)",
    async (year, name) => {
      const g = loadGraph(bundledGraphPath(year));
      // The yearly model reads every disruption as permanent: drop the file's dates (the 2010 embargo lasted
      // 60 days) so the simulation compares like with like.
      const { startDay: _start, durationDays: _duration, ...permanent } = loadScenario(name);
      const applied = applyScenario(g, permanent);
      const yearly = await servedDemand(g, applied);
      const sim = await simulate(g, applied, {
        horizon: 365,
        step: 365,
        leadTimes: false,
        stocks: false,
        qualificationAll: 0,
        nodes: false,
      });
      const served = sim.periods[0]!.consumers.reduce((t, c) => t + c.served, 0);
      expect(yearly.totalServed).toBeLessThan(yearly.totalDemand); // the scenario bites
      expect(Math.abs(served - yearly.totalServed) / yearly.totalServed).toBeLessThan(1e-5);
    },
    120_000,
  );
});
