import { describe, expect, it } from "vitest";
import { compareSamples } from "../../src/compare/compare-samples.js";
import { graphFromText } from "../_helpers/graph-from-text.js";

// Each country has its own mine: JP's share is capacity/100, US's is 0.5 exactly.
const graph = (jpRange: string) =>
  graphFromText(`
    a [mine AU output=ore capacity=${jpRange}]
    b [mine US output=ore capacity=50]
    jp [consumer JP demand=100]
    us [consumer US demand=100]
    a -> jp volume=40
    b -> us volume=50
  `);

describe("compareSamples", () => {
  it("gives each country's interval and P(A < B) from paired samples", async () => {
    const s = await compareSamples(
      [
        { graph: graph("40(20..60)"), file: "g.json", scenario: { name: "baseline" }, label: "wide" },
        { graph: graph("40(30..45)"), file: "g.json", scenario: { name: "baseline" }, label: "below" },
      ],
      ["JP", "US"],
      { samples: 300, seed: 2 },
    );
    expect(s.samples).toEqual({ n: 300, seed: 2 });
    const [wide, below] = s.columns;
    expect(wide!.servedFraction.US).toEqual({ p05: 0.5, p50: 0.5, p95: 0.5 });
    expect(wide!.servedFraction.JP!.p05).toBeLessThan(0.4);
    expect(wide!.servedFraction.JP!.p95).toBeGreaterThan(0.4);
    // Triangular(20, 40, 60): P(X < 50) = 1 − (60−50)²/(40·20) = 0.875; 300 samples: sd 0.019.
    expect(Math.abs(wide!.below[0]!.probability - 0.875)).toBeLessThan(0.08);
    expect(below!.below).toEqual([{ a: "JP", b: "US", probability: 1 }]);
    expect(below!.inputs).toBe(1);
  });
});
