/**
 * Origin rules (MOFCOM Announcement 61's value test), hand-checked first: a Japanese magnet plant buys Dy from
 * China and from Japan; its magnets' Chinese content by value = 0.01 t Dy per t magnet × $400,000/t × the
 * Chinese share of its Dy ÷ $100,000/t of magnet = 0.04 × the Chinese Dy share.
 */
import { describe, expect, it } from "vitest";
import { buildCsr } from "../../src/analysis/_csr.js";
import { parseScenario } from "../../src/io/load-scenario.js";
import { ScenarioError } from "../../src/model/errors.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { contentNetworkOf, originContent } from "../../src/scenario/origin-content.js";
import { cutText, parseCut } from "../../src/scenario/selectors.js";
import type { Scenario } from "../../src/scenario/types.js";
import { graphFromText } from "../_helpers/graph-from-text.js";

const NOTHING_OUT = { nodeOut: new Set<string>(), edgeOut: new Set<string>() };

const MATERIALS = {
  materials: {
    dy: { valuePerTonne: 400_000, reoFactor: 1 },
    ndpr: { valuePerTonne: 100_000, reoFactor: 1 },
    magnet: { valuePerTonne: 100_000 },
  },
};

/** The plant with `cn` tonnes of Chinese Dy out of 100. */
function plant(cn: number) {
  return graphFromText(
    `
    cn-dy [metal CN output=dy]
    jp-dy [metal JP output=dy]
    vn-ndpr [metal VN output=ndpr]
    jp-magnet [magnet JP output=magnet recipe=ndpr:0.3,dy:0.01]
    us-car [consumer US demand=5000]
    jp-car [consumer JP demand=5000]
    cn-dy -> jp-magnet volume=${cn}
    jp-dy -> jp-magnet volume=${100 - cn}
    vn-ndpr -> jp-magnet volume=3000
    jp-magnet -> us-car volume=5000
    jp-magnet -> jp-car volume=5000
  `,
    MATERIALS,
  );
}

const RULE: Scenario = {
  name: "announcement-61",
  cut: [
    { from: "*", to: "*", material: "magnet", origin: { country: "CN", atLeast: 0.001, basis: "value" } },
  ],
};

describe("origin rules: Announcement 61's 0.1% value test", () => {
  it("lets a magnet at 0.09% Chinese value pass and blocks one at 0.11%", () => {
    const under = applyScenario(plant(2.25), RULE); // 0.04 × 2.25% = 0.09%
    expect(under.removedEdges).toEqual([]);
    expect(under.originCuts).toEqual([{ rule: "*>*:magnet@CN>=0.1%value", edges: [], passed: 1 }]);

    const over = applyScenario(plant(2.75), RULE); // 0.04 × 2.75% = 0.11%
    expect(over.cutEdgeEnds).toEqual([["jp-magnet", "us-car"]]);
    expect(over.originCuts[0]!.edges).toEqual([
      expect.objectContaining({ source: "jp-magnet", target: "us-car", material: "magnet", volume: 5000 }),
    ]);
    expect(over.originCuts[0]!.edges[0]!.share).toBeCloseTo(0.0011, 12);
  });

  it("gives the same cuts on the integer view large files are loaded into", () => {
    const g = plant(2.75);
    const fromGraph = applyScenario(g, RULE);
    const fromCsr = applyScenario(buildCsr(g), RULE);
    expect(fromCsr.originCuts).toEqual(fromGraph.originCuts);
    expect(fromCsr.cutEdgeEnds).toEqual(fromGraph.cutEdgeEnds);
  });

  it("cuts at exactly the threshold ('worth 0.1% or more') and never a sale inside the country", () => {
    const at = applyScenario(plant(2.5), RULE);
    expect(at.cutEdgeEnds).toEqual([["jp-magnet", "us-car"]]); // jp-magnet -> jp-car is not an export
  });

  it("judges by rare-earth mass when the rule says so: (0.01 × 2.75%) / 0.31 of the RE content", () => {
    const g = plant(2.75);
    const mass = (atLeast: number): Scenario => ({
      name: "m",
      cut: [{ from: "*", to: "*", material: "magnet", origin: { country: "CN", atLeast, basis: "mass" } }],
    });
    const share = (0.01 * 0.0275) / 0.31;
    expect(applyScenario(g, mass(share * 0.99)).removedEdges).toHaveLength(1);
    expect(applyScenario(g, mass(share * 1.01)).removedEdges).toHaveLength(0);
  });

  it("judges on what the plain rules leave on the day the rule starts", () => {
    const g = plant(50);
    const cnCut = { from: "CN", to: "JP", material: "dy" };
    const origin = RULE.cut![0]!;
    // China's own Dy is cut as well: the magnets carry no Chinese content, so they pass.
    expect(applyScenario(g, { name: "both", cut: [cnCut, origin] }).originCuts[0]!.edges).toEqual([]);
    // The plain cut lasts 29 days, the origin rule starts on day 53 when Chinese Dy flows again: cut.
    const timed = applyScenario(g, {
      name: "timed",
      cut: [
        { ...cnCut, startDay: 0, durationDays: 29 },
        { ...origin, startDay: 53 },
      ],
    });
    expect(timed.originCuts[0]!.edges.map((e) => e.target)).toEqual(["us-car"]);
    expect(timed.timing.cut[timed.originCuts[0]!.edges[0]!.key]).toEqual([
      { startDay: 53, durationDays: null },
    ]);
  });

  it("re-exports of China-made goods carry their whole value: a trader in a third country is cut at any threshold", () => {
    const g = graphFromText(
      `
      cn-magnet [magnet CN output=magnet]
      sg-trader [magnet SG output=magnet]
      us-car [consumer US demand=10]
      cn-magnet -> sg-trader volume=10
      sg-trader -> us-car volume=10
    `,
      MATERIALS,
    );
    const applied = applyScenario(g, RULE);
    expect(applied.originCuts[0]!.edges).toEqual([
      expect.objectContaining({ source: "sg-trader", target: "us-car", share: 1 }),
    ]);
    // the Chinese plant's own export is not the origin rule's business (plain cuts are)
    expect(applied.removedEdges).toHaveLength(1);
  });

  it("refuses a rule that matches no edge, and a value rule on a graph without prices", () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ScenarioError);
        return (e as ScenarioError).code;
      }
      return "no error";
    };
    expect(
      code(() => applyScenario(plant(3), { ...RULE, cut: [{ ...RULE.cut![0]!, material: "nothing" }] })),
    ).toBe("E_SCENARIO_NO_MATCH");
    const noPrices = graphFromText(`
      cn-dy [metal CN output=dy]
      jp-magnet [magnet JP output=magnet recipe=dy:0.01]
      us-car [consumer US demand=10]
      cn-dy -> jp-magnet volume=1
      jp-magnet -> us-car volume=10
    `);
    expect(code(() => applyScenario(noPrices, RULE))).toBe("E_SCENARIO_ORIGIN_PRICE");
  });
});

describe("origin rules: --cut syntax and the scenario file", () => {
  it("reads @ORIGIN>=SHARE[%][value|mass] and writes it back", () => {
    expect(parseCut("*>US:magnet@CN>=0.1%")).toEqual({
      from: "*",
      to: "US",
      material: "magnet",
      origin: { country: "CN", atLeast: 0.001, basis: "value" },
    });
    expect(parseCut("JP>*@CN>=0.25mass").origin).toEqual({ country: "CN", atLeast: 0.25, basis: "mass" });
    expect(cutText(parseCut("*>US:magnet@CN>=0.1%"))).toBe("*>US:magnet@CN>=0.1%value");
    for (const bad of ["*>US@CN>=0%", "*>US@CN>=150%", "*>US@cn>=1%", "*>US@CN>1%", "*>US@CN>=x"]) {
      expect(() => parseCut(bad), bad).toThrow(ScenarioError);
    }
  });

  it("takes origin in a scenario file and refuses a bad one with E_SCENARIO_FILE", () => {
    const ok = parseScenario(JSON.stringify(RULE), "a61.json");
    expect(ok.cut![0]!.origin).toEqual({ country: "CN", atLeast: 0.001, basis: "value" });
    for (const origin of [
      { country: "CN", atLeast: 0, basis: "value" },
      { country: "China", atLeast: 0.001, basis: "value" },
      { country: "CN", atLeast: 0.001, basis: "price" },
      { country: "CN", atLeast: 0.001 },
    ]) {
      let error: unknown;
      try {
        parseScenario(JSON.stringify({ name: "x", cut: [{ from: "*", to: "*", origin }] }), "bad.json");
      } catch (e) {
        error = e;
      }
      expect((error as ScenarioError).code, JSON.stringify(origin)).toBe("E_SCENARIO_FILE");
    }
  });
});

describe("originContent: proportional mixing, conserved", () => {
  it("conserves origin rare-earth mass through a recipe fed in exact proportion", () => {
    // 100 t magnet from 30 t ndpr (10 Chinese) and 1 t dy (0.5 Chinese): 10.5 t Chinese RE in, and out
    // 100 × 0.31 × share.
    const g = graphFromText(
      `
      cn-ndpr [metal CN output=ndpr]
      au-ndpr [metal AU output=ndpr]
      cn-dy [metal CN output=dy]
      jp-dy [metal JP output=dy]
      jp-magnet [magnet JP output=magnet recipe=ndpr:0.3,dy:0.01]
      car [consumer JP demand=100]
      cn-ndpr -> jp-magnet volume=10
      au-ndpr -> jp-magnet volume=20
      cn-dy -> jp-magnet volume=0.5
      jp-dy -> jp-magnet volume=0.5
      jp-magnet -> car volume=100
    `,
      MATERIALS,
    );
    const network = contentNetworkOf(g, NOTHING_OUT);
    const index = new Map(g.nodes().map((id, i) => [id, i]));
    const mass = originContent(network, "CN", "mass", MATERIALS.materials);
    expect(100 * 0.31 * mass[index.get("jp-magnet")!]!).toBeCloseTo(10.5, 10);
    // value: (0.3 × 100,000 × 1/3 + 0.01 × 400,000 × 1/2) / 100,000 = 0.12
    const value = originContent(network, "CN", "value", MATERIALS.materials);
    expect(value[index.get("jp-magnet")!]).toBeCloseTo(0.12, 12);
    expect(value[index.get("cn-dy")!]).toBe(1);
    expect(value[index.get("au-ndpr")!]).toBe(0);
  });
});
