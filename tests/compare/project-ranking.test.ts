import { describe, expect, it } from "vitest";
import { projectRanking } from "../../src/compare/project-ranking.js";
import { graphFromText } from "../_helpers/graph-from-text.js";

/** The US gets 3 t from its own refinery; a planned refinery would add 6 t, a planned mine 1 t more. */
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
  it("hand-checked: single gains, then the greedy order with cumulative served fraction", async () => {
    const r = await projectRanking(graph(), { name: "no-china", remove: [{ country: "CN" }] }, "US");
    expect(r.demand).toBe(10);
    expect(r.baseFraction).toBeCloseTo(0.3, 9);
    // the Chinese project is removed by the scenario: never a candidate
    expect(r.single.map((p) => [p.id, Number(p.gain.toFixed(9))])).toEqual([
      ["ref-new", 6],
      ["mine-new", 0],
    ]);
    expect(r.greedy.map((s) => s.id)).toEqual(["ref-new", "mine-new"]);
    expect(r.greedy[0]!.servedFraction).toBeCloseTo(0.9, 9);
    expect(r.greedy[1]!.gain).toBeCloseTo(1, 9); // the mine pays off once the refinery runs
    expect(r.greedy[1]!.servedFraction).toBeCloseTo(1, 9);
    expect(r.greedy[0]).toMatchObject({ status: "construction", since: 2027, stage: "refinery" });
  });
});
