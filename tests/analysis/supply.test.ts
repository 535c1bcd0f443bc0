import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { supplyStatus } from "../../src/analysis/supply.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import type { Scenario } from "../../src/scenario/types.js";
import { bruteSupplied } from "../_helpers/brute-supply.js";
import { graphFromText } from "../_helpers/graph-from-text.js";
import { randomSupplyGraphText } from "../_helpers/random-supply-graph.js";

function status(text: string, scenario: Scenario = { name: "baseline" }) {
  const graph = graphFromText(text);
  return supplyStatus(graph, applyScenario(graph, scenario));
}

const MAGNETS = `
  ndpr-cn [metal CN output=NdPr]
  ndpr-au [metal AU output=NdPr]
  dy-cn [metal CN output=Dy]
  mag [magnet JP output=mag recipe=NdPr:1,Dy:1]
  hrefree [magnet JP output=mag recipe=NdPr:1]
  toyota [consumer JP demand=10]
  honda [consumer JP demand=5]
  ndpr-cn -> mag
  ndpr-au -> mag
  dy-cn -> mag
  ndpr-au -> hrefree
  mag -> toyota
  hrefree -> honda
`;

describe("supplyStatus", () => {
  it("empty graph: nothing to supply", () => {
    expect(status("")).toEqual({ consumers: [], unsupplied: [], suppliedNodes: 0 });
  });

  it("OR: an alternative supplier keeps the consumer supplied", () => {
    const r = status(MAGNETS, { name: "x", remove: [{ node: "ndpr-cn" }] });
    expect(r.unsupplied).toEqual([]);
  });

  it("AND: losing the only Dy source cuts the recipe consumer and names the missing material", () => {
    const r = status(MAGNETS, { name: "x", remove: [{ country: "CN" }] });
    expect(r.consumers).toEqual([
      { id: "honda", supplied: true, missing: [] },
      { id: "toyota", supplied: false, missing: ["mag"] },
    ]);
    expect(r.unsupplied).toEqual(["toyota"]);
  });

  it("a recipe consumer lists the recipe materials it misses", () => {
    const r = status(
      `
      nd [metal CN output=NdPr]
      dy [metal CN output=Dy]
      maker [consumer JP demand=1 recipe=NdPr:1,Dy:1]
      nd -> maker
      dy -> maker
    `,
      { name: "cut", cut: [{ from: "CN", to: "JP", material: "Dy" }] },
    );
    expect(r.consumers).toEqual([{ id: "maker", supplied: false, missing: ["Dy"] }]);
  });

  it("a consumer with no supplier at all is unsupplied and misses nothing nameable", () => {
    expect(status("lonely [consumer US demand=2]").consumers).toEqual([
      { id: "lonely", supplied: false, missing: [] },
    ]);
  });

  it("a cycle without a way in supplies nobody; a node that lost its suppliers does not become a source", () => {
    const r = status(
      `
      m [mine AU output=ore]
      a [refinery AU output=ore]
      b [refinery AU output=ore]
      car [consumer JP demand=1]
      m -> a
      a -> b
      b -> a
      b -> car
    `,
      { name: "x", remove: [{ node: "m" }] },
    );
    expect(r.unsupplied).toEqual(["car"]);
    expect(r.suppliedNodes).toBe(0);
  });

  it("a scenario that removes everything leaves no consumer to list", () => {
    const r = status(MAGNETS, {
      name: "all",
      remove: [{ country: "CN" }, { country: "AU" }, { country: "JP" }],
    });
    expect(r).toEqual({ consumers: [], unsupplied: [], suppliedNodes: 0 });
  });

  it("matches a brute-force fixpoint on random recipe graphs with cuts", () => {
    fc.assert(
      fc.property(
        randomSupplyGraphText(10, true),
        fc.constantFrom("CN", "JP", "US", "AU"),
        (text, country) => {
          const graph = graphFromText(text);
          const scenarios: Scenario[] = [{ name: "baseline" }];
          if (graph.someEdge((_e, _a, s) => graph.getNodeAttribute(s, "country") === country))
            scenarios.push({ name: "cut", cut: [{ from: country, to: "*" }] });
          for (const scenario of scenarios) {
            let applied: ReturnType<typeof applyScenario>;
            try {
              applied = applyScenario(graph, scenario);
            } catch {
              continue; // the cut matched no cross-border edge
            }
            const brute = bruteSupplied(graph, applied);
            const fast = supplyStatus(graph, applied);
            for (const c of fast.consumers) expect(c.supplied).toBe(brute.has(c.id));
            expect(fast.suppliedNodes).toBe(brute.size);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
