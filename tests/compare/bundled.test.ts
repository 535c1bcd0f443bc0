/**
 * The ordering history shows, on the bundled data: in 2010 Japan took ≈90% of its rare earths from China and a
 * cut-off stopped its magnet supply (N09); by 2025 Lynas, MP/Sumitomo and the Vietnamese chain serve part of it.
 */
import { describe, expect, it } from "vitest";
import { compareResilience } from "../../src/compare/compare.js";
import { bundledGraphPath } from "../../src/io/bundled.js";
import { loadGraph } from "../../src/io/load-graph.js";

const noChina = { name: "no-china", remove: [{ country: "CN" }] };

describe("Japan 2010 vs 2025 on the bundled data", () => {
  it("under a China cut-off Japan 2025 is better supplied than Japan 2010, under every objective", async () => {
    const g2010 = loadGraph(bundledGraphPath(2010));
    const g2025 = loadGraph(bundledGraphPath(2025));
    for (const scenario of [noChina]) {
      const c = await compareResilience(
        [
          { graph: g2010, file: "rare-earths-2010.json", scenario },
          { graph: g2025, file: "rare-earths-2025.json", scenario },
        ],
        ["JP"],
        { robustness: false },
      );
      const [then, now] = [c.metrics[0]![0]!, c.metrics[1]![0]!];
      for (const objective of ["max-total", "max-min", "proportional"] as const) {
        expect(now.servedFraction[objective]!, `${scenario.name} ${objective}`).toBeGreaterThan(
          then.servedFraction[objective]!,
        );
      }
      expect(c.change[0]!.servedFraction["max-total"]!).toBeGreaterThan(0);
    }
  });
});
