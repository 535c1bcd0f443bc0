import { describe, expect, it } from "vitest";
import { projectRanking } from "../../src/compare/project-ranking.js";
import { graphFromText } from "../_helpers/graph-from-text.js";

/** The US gets 3 t from its own refinery; a planned refinery would add 6 t, and 1 t more with its planned mine. */
const graph = () =>
  graphFromText(`
    mine-au [mine AU output=ore capacity=10]
    mine-new [mine US output=ore capacity=1 status=planned since=2028]
    cn-new [refinery CN output=ox capacity=50 status=planned since=2026]
    ref-us [refinery US output=ox capacity=3]
    ref-new [refinery US output=ox capacity=7 status=construction since=2027]
    mag [magnet US output=mag recipe=ox:1]
    car [consumer US demand=10]
    mine-au -> ref-us volume=3
    mine-au -> ref-new volume=6
    mine-au -> cn-new volume=1
    mine-new -> ref-new volume=1
    ref-us -> mag volume=3
    ref-new -> mag volume=7
    cn-new -> mag volume=1
    mag -> car volume=10
  `);

describe("projectRanking", () => {
  it("hand-checked: single gains (with planned supply chains), then the greedy order", async () => {
    const r = await projectRanking(graph(), { name: "no-china", remove: [{ country: "CN" }] }, "US");
    expect(r.demand).toBe(10);
    expect(r.baseFraction).toBeCloseTo(0.3, 9);
    // the Chinese project is removed by the scenario: never a candidate; the refinery comes with its planned mine
    expect(r.single.map((p) => [p.id, p.with, Number(p.gain.toFixed(9))])).toEqual([
      ["ref-new", ["mine-new"], 7],
      ["mine-new", [], 0],
    ]);
    expect(r.greedy.map((s) => s.id)).toEqual(["ref-new"]);
    expect(r.greedy[0]!.servedFraction).toBeCloseTo(1, 9);
    expect(r.greedy[0]).toMatchObject({ status: "construction", since: 2027, stage: "refinery" });
  });

  it("a plant whose feed is planned too comes with its planned supply chain", async () => {
    const g = graphFromText(`
      ore [mine AU output=ore capacity=10]
      new-ref [refinery US output=ox capacity=5 status=planned since=2027]
      new-mag [magnet US output=mag recipe=ox:1 status=planned since=2028]
      car [consumer US demand=10]
      ore -> new-ref volume=5
      new-ref -> new-mag volume=5
      new-mag -> car volume=5
    `);
    const r = await projectRanking(g, { name: "baseline" }, "US");
    expect(r.single.map((p) => [p.id, p.with, Number(p.gain.toFixed(9))])).toEqual([
      ["new-mag", ["new-ref"], 5],
      ["new-ref", [], 0],
    ]);
    expect(r.greedy.map((s) => s.id)).toEqual(["new-mag"]);
  });
});
