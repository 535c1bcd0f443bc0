import { describe, expect, it } from "vitest";
import { leverSamples } from "../../src/compare/lever-samples.js";
import type { Lever } from "../../src/levers/types.js";
import { graphFromText } from "../_helpers/graph-from-text.js";

// JP's demand (100) exceeds both refineries together: each pillar's gain is its refinery's capacity / 100.
const graph = (r1: string, r2: string) =>
  graphFromText(`
    m [mine AU output=ore]
    r1 [refinery JP output=ox capacity=${r1}]
    r2 [refinery KR output=ox capacity=${r2}]
    jp [consumer JP demand=100]
    m -> r1 volume=50
    m -> r2 volume=40
    r1 -> jp volume=50
    r2 -> jp volume=40
  `);
const levers: Lever[] = [
  { name: "home", pillar: "home refining", remove: [{ node: "r1" }] },
  { name: "ally", pillar: "allied refining", remove: [{ node: "r2" }] },
];
const run = (g: ReturnType<typeof graph>, seed = 1) =>
  leverSamples(g, { name: "baseline" }, levers, "JP", { samples: 200, seed, objective: "max-total" });

describe("leverSamples", () => {
  it("ranks the pillar whose gain is surely larger first in every sample", async () => {
    const s = await run(graph("48(45..50)", "35(30..40)"));
    expect(s.levers.map((l) => [l.lever, l.first])).toEqual([
      ["home", 1],
      ["ally", 0],
    ]);
    const home = s.levers[0]!.marginal;
    expect(home.p05).toBeGreaterThanOrEqual(0.45);
    expect(home.p95).toBeLessThanOrEqual(0.5);
    expect(s.allKept.p05).toBeGreaterThanOrEqual(0.75);
  });

  it("splits the samples when the ranges overlap; shares add up to 1; same seed, same result", async () => {
    const g = graph("40(30..50)", "40(30..50)");
    const s = await run(g, 3);
    const [home, ally] = s.levers;
    expect(home!.first + ally!.first).toBeCloseTo(1, 12);
    // Two independent draws of one law: each ranks first about half the time (sd 0.035 at 200 samples).
    expect(Math.abs(home!.first - 0.5)).toBeLessThan(0.15);
    expect(await run(g, 3)).toEqual(s);
  });

  it("counts a tie as a shared first place", async () => {
    const s = await run(graph("40", "40"));
    expect(s.levers.map((l) => l.first)).toEqual([0.5, 0.5]);
  });
});
