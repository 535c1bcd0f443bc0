import { describe, expect, it } from "vitest";
import { compareResilience } from "../../src/compare/compare.js";
import { countryMetrics } from "../../src/compare/country-metrics.js";
import { countryAlone } from "../../src/compare/country-robustness.js";
import { graphFromText } from "../_helpers/graph-from-text.js";

/** China supplies both; Australia/Malaysia only Japan. Without China: JP gets 10 of 20, the US nothing. */
const text = `
  cn-mine [mine CN output=ore capacity=100]
  au-mine [mine AU output=ore capacity=10]
  cn-ref [refinery CN output=ox]
  my-ref [refinery MY output=ox capacity=10]
  jp-mag [magnet JP output=mag recipe=ox:1]
  us-mag [magnet US output=mag recipe=ox:1]
  jp-car [consumer JP demand=20 stockpileDays=36.5 valuePerYear=1000]
  us-car [consumer US demand=10 valuePerYear=500]
  cn-mine -> cn-ref volume=60
  au-mine -> my-ref volume=10
  cn-ref -> jp-mag volume=12
  my-ref -> jp-mag volume=8
  cn-ref -> us-mag volume=10
  jp-mag -> jp-car volume=20
  us-mag -> us-car volume=10
`;
const noChina = { name: "no-china", remove: [{ country: "CN" }] };

describe("countryMetrics", () => {
  it("hand-checked: served fraction, cut-offs, foreign single points, stocks, losses", async () => {
    const graph = graphFromText(text, { year: 2025, currency: "USD" });
    const [jp, us] = await countryMetrics(graph, noChina, ["JP", "US"], { robustness: false });
    expect(jp!.consumers).toBe(1);
    expect(jp!.demand).toBe(20);
    expect(jp!.servedFraction["max-total"]).toBeCloseTo(0.5, 4);
    expect(jp!.servedFraction["max-min"]).toBeCloseTo(0.5, 4);
    // frozen routing: my-ref ships its baseline 8 t to jp-mag, no more; proportional rationing: all its 10 t go to
    // its only buyer
    expect(jp!.servedFraction["frozen-routing"]).toBeCloseTo(0.4, 4);
    expect(jp!.servedFraction.proportional).toBeCloseTo(0.5, 4);
    expect(jp!.cutOff).toEqual([]);
    expect(jp!.singlePointsAbroad.map((p) => p.id)).toEqual(["au-mine", "my-ref"]);
    expect(jp!.countryFailureSetsAbroad).toEqual([
      { countries: ["AU"], consumers: ["jp-car"] },
      { countries: ["MY"], consumers: ["jp-car"] },
    ]);
    expect(us!.countryFailureSetsAbroad).toEqual([]); // already cut off
    expect(jp!.importShares).toEqual({ CN: 0.6, MY: 0.4 });
    // private stock 36.5 days × 20 t/yr = 2 t; shortfall 10 t/yr → 73 days
    expect(jp!.stockpileDays).toBeCloseTo(36.5, 4);
    expect(jp!.timeToSurviveDays).toBeCloseTo(73, 4);
    expect(jp!.losses!.days90).toBeCloseTo((1000 * 0.5 * 17) / 365, 3);
    expect(jp!.losses!.days365).toBeCloseTo((1000 * 0.5 * 292) / 365, 3);
    expect(us!.servedFraction["max-total"]).toBe(0);
    expect(us!.cutOff).toEqual(["us-car"]);
    expect(us!.timeToSurviveDays).toBe(0);
    expect(us!.losses!.days365).toBeCloseTo(500, 6);
    expect(jp!.supplierHhi.refinery).toBeCloseTo(60 ** 2 + 40 ** 2, 6);
  });

  it("robustness R: two equal suppliers, removed one by one → curve 1, 0.5, 0 and R = 0.25", async () => {
    const graph = graphFromText(`
      m1 [mine AU output=ore capacity=10]
      m2 [mine CN output=ore capacity=10]
      car [consumer JP demand=20]
      other [consumer US demand=5]
      m1 -> car volume=10
      m2 -> car volume=10
      m2 -> other volume=5
    `);
    const [jp] = await countryMetrics(graph, { name: "baseline" }, ["JP"], { objectives: ["max-total"] });
    // the US consumer is set aside: it does not compete for m2 in JP's own curve
    expect(jp!.attackCurve).toEqual([1, 0.5, 0]);
    expect(jp!.robustness).toBeCloseTo(0.25, 4);
  });

  it("robustness R counts only the country's supply cone: isolated nodes and another country's chain change nothing", async () => {
    const base = `
      m1 [mine AU output=ore capacity=10]
      m2 [mine CN output=ore capacity=4]
      ref [refinery MY output=ox capacity=12]
      car [consumer JP demand=14]
      m1 -> ref volume=8
      m2 -> ref volume=2
      m2 -> car volume=2
      ref -> car volume=10
    `;
    const more = `${base}
      lonely [mine BR output=ore capacity=3]
      kr-mine [mine KR output=ore capacity=50]
      kr-ref [refinery KR output=ox]
      kr-car [consumer KR demand=40]
      kr-mine -> kr-ref volume=40
      kr-ref -> kr-car volume=40
    `;
    const rOf = async (text: string) =>
      (
        await countryMetrics(graphFromText(text), { name: "baseline" }, ["JP"], { objectives: ["max-total"] })
      )[0]!;
    const [small, big] = [await rOf(base), await rOf(more)];
    expect(big.robustness).toBe(small.robustness);
    expect(big.attackCurve).toEqual(small.attackCurve);
    // three removable nodes in JP's cone (m1, m2, ref): the curve has 4 points whatever else is in the file
    expect(small.attackCurve).toHaveLength(4);
  });

  it("countryAlone adds the removal of every other country's consumers to the scenario", () => {
    const graph = graphFromText(text);
    expect(countryAlone(graph, noChina, "JP").remove).toEqual([{ country: "CN" }, { node: "us-car" }]);
  });
});

describe("compareResilience", () => {
  it("columns per (graph, scenario) and the change from first to last", async () => {
    const graph = graphFromText(text, { year: 2025 });
    const result = await compareResilience(
      [
        { graph, file: "test.json", scenario: { name: "baseline" } },
        { graph, file: "test.json", scenario: noChina },
      ],
      ["JP"],
      { robustness: false },
    );
    expect(result.columns.map((c) => c.label)).toEqual(["2025 baseline", "2025 no-china"]);
    expect(result.metrics[0]![0]!.servedFraction["max-total"]).toBeCloseTo(1, 4);
    expect(result.change[0]!.servedFraction["max-total"]).toBeCloseTo(-0.5, 4);
    expect(result.change[0]!.timeToSurviveDays).toBeNull(); // nothing short in the baseline
  });
});
