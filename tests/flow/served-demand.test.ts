import { describe, expect, it } from "vitest";
import type { FlowObjective } from "../../src/flow/_solve-flow.js";
import { servedDemand } from "../../src/flow/served-demand.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { BASELINE_SCENARIO, type Scenario } from "../../src/scenario/types.js";
import { graphFromText } from "../_helpers/graph-from-text.js";

const MAGNETS = `
  ndpr [mine CN output=NdPr capacity=100]
  dytb [mine MM output=DyTb capacity=1]
  mag [magnet JP output=magnet recipe=NdPr:0.3,DyTb:0.05]
  car [consumer JP demand=50 recipe=magnet:1]
  ndpr -> mag volume=15
  dytb -> mag volume=1
  mag -> car volume=20
`;

async function solve(text: string, scenario: Scenario = BASELINE_SCENARIO, objective?: FlowObjective) {
  const graph = graphFromText(text);
  return servedDemand(graph, applyScenario(graph, scenario), objective ? { objective } : {});
}

describe("servedDemand: the leximin split among the max-total optima (the default)", () => {
  // m1 (10) serves a or b; m2 (10) serves b only. Max-total is 20 whatever a gets from m1 (x ≤ 10, b gets
  // 20 - x); holding 20, the fairest split equalises fractions: x / 10 = (20 - x) / 20, x = 20/3.
  const TWO_MINES = `
    m1 [mine AU output=ore capacity=10]
    m2 [mine US output=ore capacity=10]
    a [consumer JP demand=10]
    b [consumer DE demand=20]
    m1 -> a
    m1 -> b
    m2 -> b
  `;
  it("equalises fractions while holding the largest total", async () => {
    const r = await solve(TWO_MINES);
    expect(r.totalServed).toBe(20);
    expect(r.maxTotalServed).toBe(20);
    expect(r.consumers.map((c) => [c.id, c.served, c.fraction])).toEqual([
      ["a", expect.closeTo(20 / 3, 4), expect.closeTo(2 / 3, 4)],
      ["b", expect.closeTo(40 / 3, 4), expect.closeTo(2 / 3, 4)],
    ]);
  });

  it("reports each country's range over all max-total optima", async () => {
    const r = await solve(TWO_MINES);
    expect(r.countries.JP!.servedRange).toEqual([0, 10]);
    expect(r.countries.DE!.servedRange).toEqual([10, 20]);
  });

  it("never gives up total for fairness (max-min does)", async () => {
    // b needs 2 t of ore per t served, a needs 1: the largest total serves a first
    const text = `
      m [mine AU output=ore capacity=10]
      a [consumer JP demand=10 recipe=ore:1]
      b [consumer DE demand=10 recipe=ore:2]
      m -> a
      m -> b
    `;
    const total = await solve(text);
    expect(total.consumers.map((c) => [c.id, c.served])).toEqual([
      ["a", 10],
      ["b", 0],
    ]);
    const fair = await solve(text, BASELINE_SCENARIO, "max-min");
    expect(fair.consumers.map((c) => [c.id, c.served])).toEqual([
      ["a", expect.closeTo(10 / 3, 4)],
      ["b", expect.closeTo(10 / 3, 4)],
    ]);
    expect(fair.maxTotalServed).toBe(10);
  });
});

describe("servedDemand: hand-worked optima", () => {
  it("a recipe where Dy/Tb is the binding input: 1 t DyTb / 0.05 = 20 t of magnets", async () => {
    const r = await solve(MAGNETS);
    expect(r.totalDemand).toBe(50);
    expect(r.totalServed).toBe(20);
    expect(r.consumers).toEqual([
      { id: "car", label: "car", country: "JP", demand: 50, served: 20, fraction: 0.4 },
    ]);
    expect(r.countries).toEqual({ JP: { demand: 50, served: 20, fraction: 0.4, servedRange: [20, 20] } });
    // one more tonne of DyTb makes 20 more tonnes of magnets; NdPr does not bind
    expect(r.bottlenecks).toEqual([{ kind: "node", id: "dytb", capacity: 1, flow: 1, shadowPrice: 20 }]);
    const flows = Object.fromEntries(r.edges.map((e) => [`${e.source}>${e.target}`, e.flow]));
    expect(flows).toEqual({ "ndpr>mag": 6, "dytb>mag": 1, "mag>car": 20 });
  });

  it("an edge capacity that binds, beside a node capacity", async () => {
    const r = await solve(`
      m1 [mine AU output=ore capacity=100]
      m2 [mine US output=ore capacity=5]
      ref [refinery MY output=ox]
      car [consumer JP demand=50]
      m1 -> ref capacity=30
      ref -> car
      m2 -> car
    `);
    expect(r.totalServed).toBe(35);
    expect(r.minFraction).toBe(0.7);
    expect(r.bottlenecks.map((b) => [b.kind, b.source ?? b.id, b.shadowPrice])).toEqual([
      ["edge", "m1", 1],
      ["node", "m2", 1],
    ]);
  });

  it("a cycle carries no useless circulation", async () => {
    const r = await solve(`
      m [mine AU output=ore capacity=10]
      a [refinery MY output=ore]
      b [refinery MY output=ore]
      car [consumer JP demand=20]
      m -> a
      a -> b
      b -> a
      b -> car
    `);
    expect(r.totalServed).toBe(10);
    const flows = Object.fromEntries(r.edges.map((e) => [`${e.source}>${e.target}`, e.flow]));
    expect(flows).toEqual({ "m>a": 10, "a>b": 10, "b>car": 10 });
  });

  it("a consumer with no supplier is served nothing", async () => {
    const r = await solve(`${MAGNETS}\n  lonely [consumer DE demand=7]`);
    const lonely = r.consumers.find((c) => c.id === "lonely");
    expect(lonely).toEqual({
      id: "lonely",
      label: "lonely",
      country: "DE",
      demand: 7,
      served: 0,
      fraction: 0,
    });
    expect(r.minFraction).toBe(0);
    expect(r.countries.DE).toEqual({ demand: 7, served: 0, fraction: 0, servedRange: [0, 0] });
  });

  it("a scenario that removes every supplier serves nothing; one that removes everything leaves no consumer", async () => {
    const noSupply = await solve(MAGNETS, { name: "x", remove: [{ stage: "mine" }] });
    expect(noSupply.totalServed).toBe(0);
    expect(noSupply.bottlenecks).toEqual([]);
    const none = await solve(MAGNETS, {
      name: "all",
      remove: [{ country: "CN" }, { country: "MM" }, { country: "JP" }],
    });
    expect(none).toMatchObject({
      totalDemand: 0,
      totalServed: 0,
      minFraction: null,
      consumers: [],
      countries: {},
    });
  });

  it("a removed supplier with a cut edge: the mine that loses its buyer does not become a source elsewhere", async () => {
    const r = await solve(MAGNETS, { name: "cut", cut: [{ from: "MM", to: "JP" }] });
    expect(r.totalServed).toBe(0);
  });

  it("scaled capacities are used", async () => {
    const r = await solve(MAGNETS, { name: "half", scale: [{ select: { node: "dytb" }, factor: 0.5 }] });
    expect(r.totalServed).toBe(10);
  });
});

describe("servedDemand: objectives", () => {
  const SHARED = `
    m [mine AU output=ore capacity=10]
    small [consumer JP demand=10]
    big [consumer DE demand=30]
    m -> small volume=8
    m -> big volume=2
  `;
  it("max-min shares a scarce supplier in proportion to demand", async () => {
    const r = await solve(SHARED, BASELINE_SCENARIO, "max-min");
    expect(r.consumers.map((c) => [c.id, c.served])).toEqual([
      ["big", 7.5],
      ["small", 2.5],
    ]);
    expect(r.minFraction).toBe(0.25);
  });

  it("max-min is lexicographic: a consumer cut off entirely does not pin the others at 0", async () => {
    const text = `
      m [mine CN output=ore capacity=10]
      a [consumer JP demand=10]
      b [consumer US demand=10]
      c [consumer KR demand=4]
      orphan [consumer DE demand=5]
      m -> a
      m -> b
      m -> c
    `;
    const r = await solve(text, BASELINE_SCENARIO, "max-min");
    // round 1: orphan can get nothing (level 0, frozen); round 2: a, b, c rise together to 10/24 each
    expect(r.minFraction).toBe(0);
    expect(r.consumers.map((c) => [c.id, c.served])).toEqual([
      ["a", expect.closeTo(100 / 24, 4)],
      ["b", expect.closeTo(100 / 24, 4)],
      ["c", expect.closeTo(40 / 24, 4)],
      ["orphan", 0],
    ]);
    const total = await solve(text, BASELINE_SCENARIO, "max-total");
    expect(total.totalServed).toBe(10);
  });

  it("max-min raises the consumers that can still rise after others are frozen", async () => {
    // a has its own small mine (frozen at 2/10); b and c share a bigger one and rise to 8/20 each
    const r = await solve(
      `
      m1 [mine AU output=ore capacity=2]
      m2 [mine US output=ore capacity=8]
      a [consumer JP demand=10]
      b [consumer DE demand=10]
      c [consumer FR demand=10]
      m1 -> a
      m2 -> b
      m2 -> c
    `,
      BASELINE_SCENARIO,
      "max-min",
    );
    expect(r.consumers.map((c) => [c.id, c.served])).toEqual([
      ["a", 2],
      ["b", 4],
      ["c", 4],
    ]);
  });

  it("max-min then maximises the total at that level", async () => {
    const r = await solve(
      `
      m1 [mine AU output=ore capacity=10]
      m2 [mine US output=ore capacity=2]
      a [consumer JP demand=10]
      b [consumer DE demand=10]
      m1 -> a
      m2 -> b
    `,
      BASELINE_SCENARIO,
      "max-min",
    );
    expect(r.minFraction).toBe(0.2);
    expect(r.totalServed).toBe(12);
  });

  it("frozen-routing ships along baseline volume shares and does not reroute", async () => {
    const r = await solve(SHARED, BASELINE_SCENARIO, "frozen-routing");
    // m's contracts total 10: 8 to small, 2 to big, whatever big would take
    expect(r.consumers.map((c) => [c.id, c.served])).toEqual([
      ["big", 2],
      ["small", 8],
    ]);
    const cut = await solve(SHARED, { name: "cut", cut: [{ from: "AU", to: "JP" }] }, "frozen-routing");
    expect(cut.totalServed).toBe(2); // small's share is lost, not rerouted to big
    const lp = await solve(SHARED, { name: "cut", cut: [{ from: "AU", to: "JP" }] });
    expect(lp.totalServed).toBe(10); // the LP reroutes
  });

  it("proportional re-rations a removed buyer's share among the surviving buyers", async () => {
    const r = await solve(SHARED, BASELINE_SCENARIO, "proportional");
    expect(r.consumers.map((c) => [c.id, c.served])).toEqual([
      ["big", 2],
      ["small", 8],
    ]);
    // small is cut off: m rations all 10 to big, which wants 30
    const cut = await solve(SHARED, { name: "cut", cut: [{ from: "AU", to: "JP" }] }, "proportional");
    expect(cut.consumers.map((c) => [c.id, c.served])).toEqual([
      ["big", 10],
      ["small", 0],
    ]);
  });

  it("proportional: 100 available, two surviving buyers of three, 100 served (not 50)", async () => {
    const text = `
      m [mine AU output=ore capacity=100]
      a [consumer JP demand=60]
      b [consumer DE demand=60]
      c [consumer FR demand=60]
      m -> a volume=30
      m -> b volume=30
      m -> c volume=40
    `;
    const r = await solve(text, { name: "no c", remove: [{ node: "c" }] }, "proportional");
    expect(r.consumers.map((c) => [c.id, c.served])).toEqual([
      ["a", 50],
      ["b", 50],
    ]);
    // a buyer that needs less than its share takes what it needs; the rest goes to the other (water-filling)
    const small = await solve(
      text.replace("a [consumer JP demand=60]", "a [consumer JP demand=20]"),
      { name: "no c", remove: [{ node: "c" }] },
      "proportional",
    );
    expect(small.consumers.map((c) => [c.id, c.served])).toEqual([
      ["a", 20],
      ["b", 60],
    ]);
  });

  it("frozen-routing reaches the fixed point on a cycle", async () => {
    const r = await solve(
      `
      m [mine AU output=ore]
      a [refinery MY output=ore]
      b [refinery MY output=ore]
      car [consumer JP demand=20]
      m -> a volume=10
      a -> b volume=10
      b -> a volume=5
      b -> car volume=5
    `,
      BASELINE_SCENARIO,
      "frozen-routing",
    );
    expect(r.totalServed).toBe(5);
  });
});

describe("servedDemand options: leaving out edges and bottlenecks, and the figures as they come", () => {
  // 60 of ore for 80 of demand: the split, a range per country (JP 40..60 of its demand of 60), two bottlenecks
  const SHARED = `
    m1 [mine AU output=ore capacity=40]
    m2 [mine US output=ore capacity=30]
    r [refinery JP output=ox recipe=ore:1 capacity=60]
    jp [consumer JP demand=60]
    us [consumer US demand=20]
    m1 -> r
    m2 -> r
    r -> jp
    r -> us
  `;
  const graph = graphFromText(SHARED);
  const applied = applyScenario(graph, BASELINE_SCENARIO);

  it("edges: false and bottlenecks: false change nothing else", async () => {
    for (const objective of ["max-total", "max-min", "proportional", "frozen-routing"] as const) {
      const full = await servedDemand(graph, applied, { objective });
      expect(full.edges.length, objective).toBeGreaterThan(0);
      expect(full.bottlenecks.length, objective).toBeGreaterThan(0);
      const lean = await servedDemand(graph, applied, { objective, edges: false, bottlenecks: false });
      expect(lean.edges).toEqual([]);
      expect(lean.bottlenecks).toEqual([]);
      expect(lean.routing).toBe("none");
      expect({ ...lean, edges: full.edges, bottlenecks: full.bottlenecks, routing: full.routing }).toEqual(
        full,
      );
    }
  });

  it("hands over the max-total figure, then the split, then resolves with the ranges", async () => {
    const seen: string[] = [];
    let split: unknown;
    const full = await servedDemand(graph, applied, {
      onMaxTotal: (total) => seen.push(`total ${total}`),
      onSplit: (s) => {
        seen.push("split");
        split = s;
      },
    });
    expect(seen).toEqual(["total 60", "split"]);
    expect(full.countries.JP!.servedRange).toEqual([40, 60]);
    // the split is the report but the ranges and the bottlenecks
    const countries = Object.fromEntries(
      Object.entries(full.countries).map(([code, { servedRange: _, ...rest }]) => [code, rest]),
    );
    expect(split).toEqual({ ...full, countries, bottlenecks: [] });
  });

  it("onProgress: called after each LP, changes no figure, and what it throws abandons the computation", async () => {
    let calls = 0;
    const watched = await servedDemand(graph, applied, { onProgress: () => calls++ });
    // the split's LPs, two per country for the ranges, one per bottleneck: more than the 2 countries' 4
    expect(calls).toBeGreaterThan(4);
    expect(watched).toEqual(await servedDemand(graph, applied));
    let seen = 0;
    const stop = new Error("stopped");
    await expect(
      servedDemand(graph, applied, {
        onProgress: () => {
          if (++seen === 2) throw stop;
        },
      }),
    ).rejects.toBe(stop);
    expect(seen).toBe(2);
  });

  it("with no consumer left, the max-total figure is 0 and still comes first", async () => {
    const seen: string[] = [];
    const none = await servedDemand(
      graph,
      applyScenario(graph, { name: "x", remove: [{ stage: "consumer" }] }),
      {
        onMaxTotal: (total) => seen.push(`total ${total}`),
        onSplit: () => seen.push("split"),
      },
    );
    expect(none.consumers).toEqual([]);
    expect(seen).toEqual(["total 0", "split"]);
  });
});
