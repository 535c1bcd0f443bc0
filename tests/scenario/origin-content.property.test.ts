/**
 * Origin rules on generated graphs: the content shares and the edges a rule cuts never depend on node ids or file
 * order, shares stay within [0, 1], and origin mass is conserved through plants that blend what they buy.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../src/model/random.js";
import type { SupplyGraph } from "../../src/model/types.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { contentNetworkOf, originContent } from "../../src/scenario/origin-content.js";
import type { Scenario } from "../../src/scenario/types.js";
import { graphFromText } from "../_helpers/graph-from-text.js";

const NOTHING_OUT = { nodeOut: new Set<string>(), edgeOut: new Set<string>() };
import { renameAndShuffle } from "../_helpers/rename.js";

const MATERIALS = {
  materials: {
    ore: { valuePerTonne: 5_000, reoFactor: 1 },
    ox: { valuePerTonne: 60_000, reoFactor: 1 },
    mag: { valuePerTonne: 80_000, reoFactor: 1 },
  },
};
const COUNTRIES = ["CN", "AU", "JP", "US", "VN"];

/**
 * A mine -> refinery -> magnet -> consumer graph with balanced volumes: each node's inflow is split over its
 * out-edges, so what enters a node leaves it. Origin-country nodes are mines only when `minesOnly`.
 */
function layered(seed: number, recipes: boolean, minesOnly: boolean): SupplyGraph {
  const next = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const country = (layer: number) => (minesOnly && layer > 0 ? pick(COUNTRIES.slice(1)) : pick(COUNTRIES));
  const sizes = [
    2 + Math.floor(next() * 4),
    1 + Math.floor(next() * 3),
    1 + Math.floor(next() * 3),
    2 + Math.floor(next() * 3),
  ];
  const stages = ["mine", "refinery", "magnet", "consumer"];
  const outputs = ["ore", "ox", "mag", undefined];
  const layers = sizes.map((n, l) => Array.from({ length: n }, (_, k) => `${stages[l]}-${k}`));
  const lines: string[] = [];
  const inflow = new Map<string, number>();
  for (const [l, ids] of layers.entries()) {
    for (const id of ids) {
      const recipe = recipes && l === 2 ? " recipe=ox:0.4" : "";
      const out = outputs[l] ? ` output=${outputs[l]}` : " demand=1000000";
      lines.push(`${id} [${stages[l]} ${country(l)}${out}${recipe}]`);
      if (l === 0) inflow.set(id, 10 + Math.floor(next() * 90));
    }
  }
  for (let l = 0; l < layers.length - 1; l++) {
    const below = layers[l + 1]!;
    for (const id of layers[l]!) {
      const targets = below.filter(() => next() < 0.6);
      if (targets.length === 0) targets.push(pick(below));
      const weights = targets.map(() => 1 + Math.floor(next() * 9));
      const total = weights.reduce((a, b) => a + b, 0);
      const out = inflow.get(id) ?? 0;
      for (const [k, t] of targets.entries()) {
        const volume = (out * weights[k]!) / total;
        inflow.set(t, (inflow.get(t) ?? 0) + volume);
        lines.push(`${id} -> ${t} volume=${volume}`);
      }
    }
  }
  return graphFromText(lines.join("\n"), MATERIALS);
}

const sharesById = (graph: SupplyGraph, basis: "value" | "mass") => {
  const shares = originContent(contentNetworkOf(graph, NOTHING_OUT), "CN", basis, MATERIALS.materials);
  return new Map(graph.nodes().map((id, i) => [id, shares[i]!]));
};

describe("origin content on generated graphs", () => {
  it("never depends on node ids or file order; the cut edges neither", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), fc.boolean(), (seed, recipes) => {
        const graph = layered(seed, recipes, false);
        const renamed = renameAndShuffle(graph, seed ^ 0x5bd1e995);
        for (const basis of ["value", "mass"] as const) {
          const a = sharesById(graph, basis);
          const b = sharesById(renamed.graph, basis);
          for (const [id, share] of a) {
            expect(share).toBeGreaterThanOrEqual(0);
            expect(share).toBeLessThanOrEqual(1);
            expect(b.get(renamed.forth.get(id)!)).toBeCloseTo(share, 12);
          }
          const rule: Scenario = {
            name: "r",
            cut: [{ from: "*", to: "*", origin: { country: "CN", atLeast: 0.2, basis } }],
          };
          let plain: string[] | string;
          let moved: string[] | string;
          try {
            plain = applyScenario(graph, rule)
              .cutEdgeEnds.map(([s, t]) => `${s}>${t}`)
              .sort();
          } catch (e) {
            plain = (e as { code: string }).code; // no edge across borders from outside CN: the same error both ways
          }
          try {
            moved = applyScenario(renamed.graph, rule)
              .cutEdgeEnds.map(([s, t]) => `${renamed.back.get(s)}>${renamed.back.get(t)}`)
              .sort();
          } catch (e) {
            moved = (e as { code: string }).code;
          }
          expect(moved).toEqual(plain);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("conserves origin mass: what Chinese mines ship is what consumers receive as Chinese content", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
        const graph = layered(seed, false, true);
        const share = sharesById(graph, "mass");
        let mined = 0;
        let received = 0;
        graph.forEachEdge((_e, a, s, t, sa, ta) => {
          if (sa.stage === "mine" && sa.country === "CN") mined += a.volume ?? 0;
          if (ta.stage === "consumer") received += (a.volume ?? 0) * share.get(s)!;
        });
        expect(received).toBeCloseTo(mined, 6);
      }),
      { numRuns: 60 },
    );
  });
});
