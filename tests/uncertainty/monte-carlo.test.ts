import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/model/errors.js";
import { servedDemand } from "../../src/flow/served-demand.js";
import { loadScenario } from "../../src/io/load-scenario.js";
import { readGraphFile } from "../../src/io/read-graph-file.js";
import { mulberry32 } from "../../src/model/random.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { monteCarlo, movesServedDemand } from "../../src/uncertainty/monte-carlo.js";
import { graphFromText } from "../_helpers/graph-from-text.js";

// Served demand = the mine's capacity (demand 1000 is never met): the served figures ARE the capacity's draws.
const oneCapacity = () =>
  graphFromText(`
    mine [mine AU output=ore capacity=100(60..160)]
    car [consumer JP demand=1000]
    mine -> car volume=100
  `);

/** Triangular(a, c, b) quantile. */
function triangular(a: number, c: number, b: number, p: number): number {
  const split = (c - a) / (b - a);
  return p < split ? a + Math.sqrt(p * (b - a) * (c - a)) : b - Math.sqrt((1 - p) * (b - a) * (b - c));
}

/** Standard error of the p-quantile of n draws: sqrt(p(1−p)/n) / density at the quantile. */
function quantileError(a: number, c: number, b: number, p: number, n: number): number {
  const x = triangular(a, c, b, p);
  const density = x < c ? (2 * (x - a)) / ((b - a) * (c - a)) : (2 * (b - x)) / ((b - a) * (b - c));
  return Math.sqrt((p * (1 - p)) / n) / density;
}

describe("monteCarlo", () => {
  it("refuses a bad sample count or seed", async () => {
    await expect(monteCarlo(oneCapacity(), { name: "b" }, { samples: 0 })).rejects.toThrow(UsageError);
    await expect(monteCarlo(oneCapacity(), { name: "b" }, { samples: 1.5 })).rejects.toThrow(UsageError);
    await expect(monteCarlo(oneCapacity(), { name: "b" }, { seed: -1 })).rejects.toThrow(UsageError);
  });

  it("gives the analytic quantiles of one ranged capacity (N = 10,000, within 4 standard errors)", async () => {
    const n = 10_000;
    const mc = await monteCarlo(oneCapacity(), { name: "baseline" }, { samples: n, seed: 3, threads: 2 });
    const served = mc.intervals.countries.JP!.served;
    expect(mc.inputs).toHaveLength(1);
    for (const [p, got] of [
      [0.05, served.p05],
      [0.5, served.p50],
      [0.95, served.p95],
    ] as const) {
      const want = triangular(60, 100, 160, p);
      expect(Math.abs(got - want), `p${p}`).toBeLessThan(4 * quantileError(60, 100, 160, p, n));
    }
    expect(mc.intervals.countries.JP!.fraction.p50).toBeCloseTo(served.p50 / 1000, 9);
    expect(mc.intervals.totalServed).toEqual(served);
  }, 300_000);

  it("under uniform draws gives the uniform quantiles", async () => {
    const mc = await monteCarlo(
      oneCapacity(),
      { name: "b" },
      { samples: 2000, seed: 5, distribution: "uniform", threads: 2 },
    );
    const { p05, p50, p95 } = mc.intervals.totalServed;
    const se = (p: number) => (Math.sqrt((p * (1 - p)) / 2000) * 100) / 1; // density 1/100
    expect(Math.abs(p05 - 65)).toBeLessThan(4 * se(0.05));
    expect(Math.abs(p50 - 110)).toBeLessThan(4 * se(0.5));
    expect(Math.abs(p95 - 155)).toBeLessThan(4 * se(0.95));
  }, 120_000);

  it("gives identical output for the same seed, whatever the number of threads; another seed differs", async () => {
    const g = graphFromText(`
      a [mine AU output=ore capacity=60(30..90)]
      b [mine US output=ore capacity=50(20..60)]
      r [refinery JP output=ox capacity=80(50..100) recipe=ore:1.2(1..1.5)]
      jp [consumer JP demand=60]
      us [consumer US demand=40]
      a -> r volume=60
      b -> r volume=50(10..50)
      r -> jp volume=40
      r -> us volume=30
      b -> us volume=10
    `);
    const before = JSON.stringify(g.export());
    const one = await monteCarlo(g, { name: "b" }, { samples: 120, seed: 11, threads: 1 });
    const two = await monteCarlo(g, { name: "b" }, { samples: 120, seed: 11, threads: 2 });
    const three = await monteCarlo(g, { name: "b" }, { samples: 120, seed: 11, threads: 3 });
    expect(two).toEqual(one);
    expect(three).toEqual(one);
    expect(JSON.stringify(g.export())).toBe(before); // the input graph is left alone
    const other = await monteCarlo(g, { name: "b" }, { samples: 120, seed: 12 });
    expect(other.intervals).not.toEqual(one.intervals);
    // The first samples do not depend on how many are drawn.
    const fewer = await monteCarlo(g, { name: "b" }, { samples: 30, seed: 11 });
    expect(fewer.totalServed).toEqual(one.totalServed.slice(0, 30));
  }, 300_000);
});

describe("movesServedDemand", () => {
  it("leaves out only attributes that change no served-demand figure", async () => {
    const graph = readGraphFile("graphs/rare-earths-2025.json");
    const applied = applyScenario(graph, loadScenario("no-china"));
    const before = await servedDemand(graph, applied);
    const rng = mulberry32(4);
    const skipped = ["stockpileDays", "stock", "recoveryDays", "valuePerYear", "leadTimeDays"];
    for (const a of skipped)
      expect(
        movesServedDemand({ kind: a === "leadTimeDays" ? "edge" : "node", id: "x", attribute: a } as never),
      ).toBe(false);
    graph.forEachNode((id, a) => {
      for (const k of skipped)
        if (a[k] !== undefined) graph.setNodeAttribute(id, k, (a[k] as number) * 3 * rng());
    });
    graph.forEachEdge((key, e) => {
      if (e.leadTimeDays !== undefined)
        graph.setEdgeAttribute(key, "leadTimeDays", e.leadTimeDays * 3 * rng());
    });
    const after = await servedDemand(graph, applyScenario(graph, loadScenario("no-china")));
    expect(after.countries).toEqual(before.countries);
    expect(after.totalServed).toBe(before.totalServed);
    expect(movesServedDemand({ kind: "edge", id: "x", attribute: "volume" } as never)).toBe(true);
    expect(movesServedDemand({ kind: "node", id: "x", attribute: "recipe.ore" } as never)).toBe(true);
  });
});
