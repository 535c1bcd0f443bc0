import { describe, expect, it } from "vitest";
import { loadHighs } from "../../src/flow/_solver.js";
import { sweepFlow } from "../../src/flow/flow-chokepoints.js";
import { losses } from "../../src/flow/losses.js";
import { survival } from "../../src/flow/survival.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { BASELINE_SCENARIO } from "../../src/scenario/types.js";
import { graphFromText } from "../_helpers/graph-from-text.js";
import { TWO_MAKERS } from "./_fixtures.js";

async function run(text: string, recoveryDays?: Record<string, number>) {
  const graph = graphFromText(text, { currency: "USD" });
  const applied = applyScenario(graph, BASELINE_SCENARIO);
  const sweep = sweepFlow(await loadHighs(), graph, applied, "max-total");
  const s = survival(await loadHighs(), graph, applied, sweep, recoveryDays ? { recoveryDays } : {});
  return { graph, s, l: losses(graph, s, { days: [180] }) };
}

describe("survival", () => {
  it("time-to-survive: private stock plus national stock converted through the network", async () => {
    const { s } = await run(TWO_MAKERS);
    // shortfall 25 t/yr; private 36.5 days × 50 / 365 = 5 t; Japan's 0.25 t Dy/Tb into `mag` (no capacity, NdPr
    // to spare) at 0.05 t per t of magnet = 5 t of magnet; 10 t / 25 t per year = 146 days
    expect(s.consumers).toEqual([
      {
        id: "car",
        country: "JP",
        demand: 50,
        shortfall: 25,
        privateStock: 5,
        nationalStock: 5,
        daysToSurvive: 146,
        daysCovered: 146,
      },
    ]);
    expect(s.countries).toEqual({ JP: { demand: 50, shortfall: 25, stock: 10, daysToSurvive: 146 } });
    expect(s.stockpiles).toEqual([
      { id: "pile", country: "JP", material: "DyTb", stock: 0.25, allocated: 0.25 },
    ]);
  });

  it("a pile counts only as far as the surviving conversion capacity can turn it into demand", async () => {
    // mag can make 21 t/yr: 20 from the mine's Dy/Tb, so the pile adds at most 1 t/yr of magnet. Keeping the car
    // whole needs 24 t/yr from private stock (5 t): 5 / 24 years = 76.04 days, not the 146 the pile's tonnage
    // alone would suggest.
    const { s } = await run(
      TWO_MAKERS.replace("recipe=NdPr:0.3,DyTb:0.05", "recipe=NdPr:0.3,DyTb:0.05 capacity=21"),
    );
    expect(s.consumers[0]!.daysToSurvive).toBeCloseTo(365 / 4.8, 3);
    expect(s.stockpiles[0]!.allocated).toBeCloseTo((0.05 * (365 / 4.8)) / 365, 6);
  });

  it("a consumer with no route left gets no national stock; the country's first shortfall is its own", async () => {
    // orphan: 10 t/yr, private stock 36.5 days = 1 t, no supplier: 36.5 days whatever the national pile
    const { s } = await run(`${TWO_MAKERS}\n orphan [consumer JP demand=10 stockpileDays=36.5]`);
    const orphan = s.consumers.find((c) => c.id === "orphan")!;
    expect(orphan).toMatchObject({ shortfall: 10, privateStock: 1, nationalStock: 0, daysToSurvive: 36.5 });
    expect(s.consumers.find((c) => c.id === "car")!.daysToSurvive).toBe(146);
    expect(s.countries.JP!.daysToSurvive).toBe(36.5);
  });

  it("exposure = extra demand lost over the recovery time beyond stock; index relative to the largest", async () => {
    const { s } = await run(TWO_MAKERS);
    // Scenario: shortfall 25, whole for 146 days; over 365 days it loses 25 × 219/365 = 15 t.
    // ndpr (mine, 365 d): shortfall 50 and the Dy/Tb pile cannot be converted without NdPr: private stock alone,
    //   36.5 days; loses 50 × 328.5/365 = 45 → exposure 30. dytb (365 d): shortfall 45, pile converts: 10 t for
    //   45 t/yr = 81.1 days; loses 35 → 20. mag (magnet, 90 d): shortfall 45, no converter: 5 t covers
    //   40.6 days; loses 45 × 90/365 − 5 in 90 days (the scenario loses nothing in 90). free (90 d): whole for
    //   121.7 days > 90: 0.
    expect(s.nodes.map((n) => [n.id, n.recoveryDays, n.recoveryAssumed, n.demandLost])).toEqual([
      ["ndpr", 365, true, 25],
      ["dytb", 365, true, 20],
      ["mag", 90, true, 20],
      ["free", 90, true, 5],
    ]);
    expect(s.nodes.map((n) => n.exposure)).toEqual([30, 20, expect.closeTo((45 * 90) / 365 - 5, 4), 0]);
    expect(s.nodes.map((n) => n.index)).toEqual([
      1,
      expect.closeTo(2 / 3, 5),
      expect.closeTo(((45 * 90) / 365 - 5) / 30, 5),
      0,
    ]);
  });

  it("a node's own recoveryDays and option overrides beat the stage defaults", async () => {
    const { s } = await run(
      TWO_MAKERS.replace("[mine MM output=DyTb", "[mine MM recoveryDays=730 output=DyTb"),
      {
        magnet: 30,
      },
    );
    const dytb = s.nodes.find((n) => n.id === "dytb")!;
    expect([dytb.recoveryDays, dytb.recoveryAssumed]).toEqual([730, false]);
    expect(s.nodes.find((n) => n.id === "mag")!.recoveryDays).toBe(30);
  });

  it("a consumer with nothing short has no time-to-survive and uses no national stock", async () => {
    const { s } = await run(TWO_MAKERS.replace("demand=50", "demand=20"));
    expect(s.consumers[0]).toMatchObject({ shortfall: 0, nationalStock: 0, daysToSurvive: null });
    expect(s.stockpiles[0]!.allocated).toBe(0);
    expect(s.countries.JP!.daysToSurvive).toBeNull();
  });
});

describe("survival: onProgress", () => {
  it("counts each consumer and each node once, changes no figure, and what it throws abandons", async () => {
    const graph = graphFromText(TWO_MAKERS, { currency: "USD" });
    const applied = applyScenario(graph, BASELINE_SCENARIO);
    const highs = await loadHighs();
    const sweep = sweepFlow(highs, graph, applied, "max-total");
    const seen: Array<[number, number]> = [];
    const watched = survival(highs, graph, applied, sweep, { onProgress: (d, t) => seen.push([d, t]) });
    const total = sweep.consumers.length + sweep.nodes.length;
    expect(seen).toEqual(Array.from({ length: total }, (_, k) => [k + 1, total]));
    expect(watched).toEqual(survival(highs, graph, applied, sweep));
    const stop = new Error("stopped");
    expect(() =>
      survival(highs, graph, applied, sweep, {
        onProgress: () => {
          throw stop;
        },
      }),
    ).toThrow(stop);
  });
});

describe("losses", () => {
  it("value × shortfall fraction × days not covered / 365, for 90, 180 and 365 days", async () => {
    const { l } = await run(TWO_MAKERS);
    // fraction 0.5, 146 days covered: 90 d → 0; 180 d → 1000 × 0.5 × 34/365; 365 d → 1000 × 0.5 × 219/365 = 300
    expect(l.currency).toBe("USD");
    expect(l.durations).toEqual([90, 180, 365]);
    expect(l.consumers).toEqual([
      {
        id: "car",
        country: "JP",
        valuePerYear: 1000,
        shortfallFraction: 0.5,
        daysCovered: 146,
        loss: [0, expect.closeTo((500 * 34) / 365, 3), 300],
      },
    ]);
    expect(l.total[2]).toBe(300);
    expect(l.countries.JP![2]).toBe(300);
    expect(l.withoutValue).toEqual([]);
  });

  it("consumers without valuePerYear are listed, not counted", async () => {
    const { l } = await run(`${TWO_MAKERS}\n lonely [consumer DE demand=7]`);
    expect(l.withoutValue).toEqual(["lonely"]);
    expect(l.total[2]).toBe(300);
  });
});
