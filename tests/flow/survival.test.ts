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
  const s = survival(graph, applied, sweep, recoveryDays ? { recoveryDays } : {});
  return { graph, s, l: losses(graph, s, { days: [180] }) };
}

describe("survival", () => {
  it("time-to-survive = (private + national stock in magnet terms) / shortfall per day", async () => {
    const { s } = await run(TWO_MAKERS);
    // shortfall 25 t/yr; private 36.5 days × 50 / 365 = 5 t; Japan's 0.25 t Dy/Tb at 0.05 t per t of magnet = 5 t
    expect(s.consumers).toEqual([
      {
        id: "car",
        country: "JP",
        demand: 50,
        shortfall: 25,
        privateStock: 5,
        nationalStock: 5,
        daysToSurvive: 146,
      },
    ]);
    expect(s.countries).toEqual({ JP: { demand: 50, shortfall: 25, stock: 10, daysToSurvive: 146 } });
    expect(s.stockpiles).toEqual([
      { id: "pile", country: "JP", material: "DyTb", stock: 0.25, allocated: 0.25 },
    ]);
  });

  it("piles of complementary materials cover the smaller of their magnet equivalents, never the sum", async () => {
    // NdPr pile: 6 t / 0.3 = 20 t of magnet; Dy/Tb pile: 0.25 t / 0.05 = 5 t of magnet → national cover 5 t
    const { s } = await run(`${TWO_MAKERS}\n ndpr-pile [stockpile JP output=NdPr stock=6]`);
    expect(s.consumers[0]).toMatchObject({ privateStock: 5, nationalStock: 5, daysToSurvive: 146 });
    const bigDy = await run(
      `${TWO_MAKERS.replace("stock=0.25", "stock=5")}\n ndpr-pile [stockpile JP output=NdPr stock=6]`,
    );
    // now NdPr binds: 20 t of magnet from national stock
    expect(bigDy.s.consumers[0]).toMatchObject({ nationalStock: 20 });
  });

  it("exposure = extra demand lost over the recovery time beyond stock; index relative to the largest", async () => {
    const { s } = await run(TWO_MAKERS);
    // ndpr (mine, 365 d): (50 - 10) - (25 - 10) = 25; dytb (365 d): (45 - 10) - 15 = 20;
    // mag (magnet, 90 d): 45 × 90/365 - 10 = 1.0959 (the scenario alone loses nothing in 90 days); free: 0
    expect(s.nodes.map((n) => [n.id, n.recoveryDays, n.recoveryAssumed, n.demandLost])).toEqual([
      ["ndpr", 365, true, 25],
      ["dytb", 365, true, 20],
      ["mag", 90, true, 20],
      ["free", 90, true, 5],
    ]);
    expect(s.nodes.map((n) => n.exposure)).toEqual([25, 20, expect.closeTo((45 * 90) / 365 - 10, 9), 0]);
    expect(s.nodes.map((n) => n.index)).toEqual([1, 0.8, expect.closeTo(((45 * 90) / 365 - 10) / 25, 9), 0]);
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
        loss: [0, expect.closeTo((500 * 34) / 365, 9), 300],
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
