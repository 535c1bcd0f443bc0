import { describe, expect, it } from "vitest";
import { hreFreeShare, mirrorLevers } from "../../src/compare/mirror-levers.js";
import { graphFromText } from "../_helpers/graph-from-text.js";

/**
 * Japan: a standard maker (3 t, 10% dy) and an HRE-free one (1 t): HRE-free share 25%, private stock 73 days.
 * The dy mine ships 0.5 t against 0.7 t of contracts (3:4), so the US maker gets 0.2857 t dy → 2.857 t magnets.
 */
const graph = () =>
  graphFromText(`
    nd [mine AU output=nd capacity=100]
    dy [mine AU output=dy capacity=0.5]
    jp-std [magnet JP output=mag recipe=nd:1,dy:0.1]
    jp-free [magnet JP output=mag recipe=nd:1]
    us-mag [magnet US output=mag recipe=nd:1,dy:0.1]
    jp-car [consumer JP demand=4 stockpileDays=73]
    us-car [consumer US demand=4]
    nd -> jp-std volume=3
    nd -> jp-free volume=1
    nd -> us-mag volume=4
    dy -> jp-std volume=0.3
    dy -> us-mag volume=0.4
    jp-std -> jp-car volume=3
    jp-free -> jp-car volume=1
    us-mag -> us-car volume=4
  `);

describe("mirrorLevers", () => {
  it("measures the HRE-free share by magnet output", () => {
    expect(hreFreeShare(graph(), "JP", "dy", "magnet")).toBeCloseTo(0.25, 12);
  });

  it("hand-checked: Japan's stock cover and HRE-free share applied to the US", async () => {
    const r = await mirrorLevers(graph(), { name: "baseline" }, "JP", "US", { heavyMaterial: "dy" });
    expect(r.stockpileDays).toBeCloseTo(73, 4);
    const usServed = (0.5 * 4) / 7 / 0.1;
    expect(r.baseline.served).toBeCloseTo(usServed, 4);
    expect(r.baseline.timeToSurviveDays).toBe(0);
    const [stock, tech] = r.items;
    expect(stock!.pillar).toBe("stockpile");
    expect(stock!.gain.served).toBeCloseTo(0, 4);
    // 73 days × 4 t/yr = 0.8 t of stock against a shortfall of 4 − 2.857 t/yr
    expect(stock!.outcome.timeToSurviveDays).toBeCloseTo((0.8 / (4 - usServed)) * 365, 6);
    expect(stock!.changes.editedNodes.map((n) => n.id)).toEqual(["us-car"]);
    // dy per tonne cut by 25%: 0.2857 t dy now makes 3.81 t
    expect(tech!.pillar).toBe("alternative-technology");
    expect(tech!.outcome.served).toBeCloseTo((0.5 * 4) / 7 / 0.075, 4);
    expect(tech!.changes.editedNodes.map((n) => n.id)).toEqual(["us-mag"]);
  });
});
