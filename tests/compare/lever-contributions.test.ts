import { describe, expect, it } from "vitest";
import { leverContributions } from "../../src/compare/lever-contributions.js";
import type { Lever } from "../../src/levers/types.js";
import { graphFromText } from "../_helpers/graph-from-text.js";

/**
 * Without China, Japan's magnet maker gets 8 t from Lynas (Malaysia) and 2 t from a domestic recycler: 10 of 20.
 * Private stock: 36.5 days × 20 t/yr = 2 t.
 */
const graph = () =>
  graphFromText(
    `
    cn-ref [refinery CN output=ox capacity=100]
    my-ref [refinery MY output=ox capacity=8 operator=Lynas]
    recycler [recycling JP output=ox capacity=2]
    jp-mag [magnet JP output=mag recipe=ox:1]
    car [consumer JP demand=20 stockpileDays=36.5 valuePerYear=365]
    cn-ref -> jp-mag volume=10
    my-ref -> jp-mag volume=8
    recycler -> jp-mag volume=2
    jp-mag -> car volume=20
  `,
    { year: 2025, currency: "USD" },
  );

const levers: Lever[] = [
  { name: "diversification", pillar: "diversification", cut: [{ from: "MY", to: "JP" }] },
  { name: "recycling", pillar: "recycling", remove: [{ stage: "recycling" }] },
  {
    name: "stockpile",
    pillar: "stockpile",
    edits: [{ select: { stage: "consumer", country: "JP" }, set: { stockpileDays: 0 } }],
  },
];
const noChina = { name: "no-china", remove: [{ country: "CN" }] };

describe("leverContributions", () => {
  it("hand-checked: each pillar taken away alone and kept alone", async () => {
    const r = await leverContributions(graph(), noChina, levers, "JP");
    expect(r.objective).toBe("proportional");
    expect(r.allKept.served).toBeCloseTo(10, 4);
    expect(r.allKept.timeToSurviveDays).toBeCloseTo(73, 4); // 2 t / 10 t/yr
    expect(r.allKept.losses90).toBeCloseTo(0.5 * 17, 4); // 365/yr × 0.5 × (90 − 73) / 365
    expect(r.noneKept.served).toBeCloseTo(0, 4);
    const [div, rec, stock] = r.levers;
    // Lynas: 8 t on top of the rest, 8 t on its own
    expect(div!.takenAway.served).toBeCloseTo(2, 4);
    expect(div!.marginal.served).toBeCloseTo(8, 4);
    expect(div!.marginal.servedFraction).toBeCloseTo(0.4, 4);
    expect(div!.standalone.served).toBeCloseTo(8, 4);
    expect(div!.takenAway.timeToSurviveDays).toBeCloseTo((2 / 18) * 365, 4);
    // recycling: 2 t either way
    expect(rec!.marginal.served).toBeCloseTo(2, 4);
    expect(rec!.standalone.served).toBeCloseTo(2, 4);
    // the stockpile serves no flow but buys all 73 days
    expect(stock!.marginal.served).toBeCloseTo(0, 4);
    expect(stock!.takenAway.timeToSurviveDays).toBe(0);
    expect(stock!.marginal.timeToSurviveDays).toBeCloseTo(73, 4);
    expect(r.changes.map((c) => c.lever)).toEqual(["diversification", "recycling", "stockpile"]);
    expect(r.changes[1]!.removedNodes).toEqual(["recycler"]);
    expect(r.changes[2]!.editedNodes.map((n) => n.id)).toEqual(["car"]);
  });
});
