import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countryFailureSets } from "../../src/analysis/country-failure-sets.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import type { Scenario } from "../../src/scenario/types.js";
import { bruteSupplied } from "../_helpers/brute-supply.js";
import { graphFromText } from "../_helpers/graph-from-text.js";
import { randomSupplyGraphText } from "../_helpers/random-supply-graph.js";

function sets(text: string, scenario: Scenario = { name: "baseline" }, maxSetSize = 4) {
  const graph = graphFromText(text);
  const r = countryFailureSets(graph, applyScenario(graph, scenario), { maxSetSize });
  return Object.fromEntries(r.consumers.map((c) => [c.id, c.countryFailureSets]));
}

const WORLD = `
  cn-mine [mine CN output=ore]
  mm-mine [mine MM output=ore]
  us-mine [mine US output=ore]
  cn-ref [refinery CN output=ox]
  us-ref [refinery US output=ox]
  jp-mag [magnet JP output=mag]
  toyota [consumer JP demand=10]
  gm [consumer US demand=5]
  cn-mine -> cn-ref
  mm-mine -> cn-ref
  us-mine -> us-ref
  cn-ref -> jp-mag
  jp-mag -> toyota
  cn-ref -> gm
  us-ref -> gm
`;

describe("countryFailureSets", () => {
  it("empty graph", () => {
    const graph = graphFromText("");
    expect(countryFailureSets(graph, applyScenario(graph, { name: "b" }))).toEqual({
      maxSetSize: 4,
      consumers: [],
    });
  });

  it("China alone cuts Toyota; the US consumer needs China and the US to fail together", () => {
    // Toyota's own country JP is a set too: its magnet maker is Japanese (the consumer itself is never removed)
    expect(sets(WORLD)).toEqual({ gm: [["CN", "US"]], toyota: [["CN"], ["JP"]] });
  });

  it("an unsupplied consumer is cut off by the empty set; the cap on set size is respected", () => {
    expect(sets(WORLD, { name: "x", remove: [{ country: "CN" }] }).toyota).toEqual([[]]);
    expect(sets(WORLD, { name: "b" }, 1).gm).toEqual([]);
  });

  it("matches exhaustive search over country subsets on random recipe graphs", () => {
    const COUNTRIES = ["AU", "CN", "JP", "US"];
    fc.assert(
      fc.property(randomSupplyGraphText(8, true), (text) => {
        const graph = graphFromText(text);
        const applied = applyScenario(graph, { name: "b" });
        const fast = countryFailureSets(graph, applied);
        const base = bruteSupplied(graph, applied);
        for (const c of fast.consumers) {
          if (!base.has(c.id)) {
            expect(c.countryFailureSets).toEqual([[]]);
            continue;
          }
          const cuts: string[][] = [];
          for (let mask = 1; mask < 16; mask++) {
            const picked = COUNTRIES.filter((_, i) => mask & (1 << i));
            const dead = new Set(graph.filterNodes((v, a) => v !== c.id && picked.includes(a.country)));
            if (!bruteSupplied(graph, applied, dead).has(c.id)) cuts.push(picked);
          }
          const minimal = cuts
            .filter((s) => !cuts.some((t) => t.length < s.length && t.every((x) => s.includes(x))))
            .sort((a, b) => a.length - b.length || a.join().localeCompare(b.join()));
          expect(c.countryFailureSets).toEqual(minimal);
          expect(c.complete).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
