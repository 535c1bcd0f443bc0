import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/model/errors.js";
import { parseMetric, sensitivity } from "../../src/uncertainty/sensitivity.js";
import { graphFromText } from "../_helpers/graph-from-text.js";

// JP's served share = min(mine, refinery) / 100: 60% at the values.
const chain = () =>
  graphFromText(`
    a [mine AU output=ore capacity=60(30..90)]
    r [refinery JP output=ox capacity=80(50..100) recipe=ore:1]
    jp [consumer JP demand=100]
    us [consumer US demand=10]
    a -> r volume=60
    r -> jp volume=60
    x [mine US output=ox capacity=10(5..10)]
    x -> us volume=10
  `);

describe("parseMetric", () => {
  it("reads served:<country> and served:total", () => {
    expect(parseMetric("served:JP")).toEqual({ name: "served:JP", country: "JP" });
    expect(parseMetric("served")).toEqual({ name: "served:total", country: null });
    for (const bad of ["served:jp", "losses:JP", "served:"])
      expect(() => parseMetric(bad)).toThrow(expect.objectContaining({ code: "E_METRIC" }));
  });
});

describe("sensitivity", () => {
  it("gives the hand-checked swings, largest first", async () => {
    const s = await sensitivity(chain(), { name: "baseline" }, parseMetric("served:JP"), { samples: 0 });
    expect(s.nominal).toBe(0.6);
    expect(s.samples).toBeNull();
    expect(s.inputs.map((x) => [x.id, x.attribute, x.low, x.high, x.swing])).toEqual([
      ["a", "capacity", 0.3, 0.8, 0.5], // min(30, 80), min(90, 80)
      ["r", "capacity", 0.5, 0.6, 0.1], // min(60, 50), min(60, 100)
      ["x", "capacity", 0.6, 0.6, 0], // US's own mine
    ]);
  });

  it("gives Sobol indices for the inputs with the largest swings: the unrelated input has none", async () => {
    const s = await sensitivity(chain(), { name: "baseline" }, parseMetric("served:JP"), {
      samples: 300,
      sobolInputs: 3,
      seed: 9,
    });
    const [a, r, x] = s.inputs;
    expect(x!.sobol).toEqual({ first: 0, total: 0 });
    // a is the bottleneck far more often than r: it carries most of the variance.
    expect(a!.sobol!.total!).toBeGreaterThan(r!.sobol!.total!);
    expect(a!.sobol!.total!).toBeGreaterThan(0.5);
    expect(s.interval!.p05).toBeLessThan(s.interval!.p95);
    const again = await sensitivity(chain(), { name: "baseline" }, parseMetric("served:JP"), {
      samples: 300,
      sobolInputs: 3,
      seed: 9,
    });
    expect(again).toEqual(s);
  }, 180_000);

  it("refuses a metric whose country has no consumer", async () => {
    await expect(
      sensitivity(chain(), { name: "b" }, parseMetric("served:FR"), { samples: 0 }),
    ).rejects.toThrow(UsageError);
  });
});
