import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csrOf, scenarioMasks } from "../../src/analysis/_csr.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { graphFromText } from "../_helpers/graph-from-text.js";
import { randomSupplyGraphText } from "../_helpers/random-supply-graph.js";

/** The masks by id lookups: a copy of the scenario object carries no node indices. */
const byIds = (csr: Parameters<typeof scenarioMasks>[0], applied: Parameters<typeof scenarioMasks>[1]) =>
  scenarioMasks(csr, { ...applied });

describe("scenarioMasks", () => {
  it("marks removed, pipeline and idle nodes out, and only the removed ones as removed", () => {
    const graph = graphFromText(`
      cn [mine CN output=ore]
      au [mine AU output=ore]
      plan [refinery AU output=ox status=planned]
      shut [refinery AU output=ox status=idle]
      ref [refinery JP output=ox]
      car [consumer JP demand=1]
      cn -> ref
      au -> plan
      au -> shut
      plan -> car
      shut -> car
      ref -> car
    `);
    const csr = csrOf(graph);
    const applied = applyScenario(csr, { name: "x", remove: [{ country: "CN" }] });
    const masks = scenarioMasks(csr, applied);
    const at = (id: string) => csr.index.get(id)!;
    expect(["cn", "plan", "shut"].map((id) => masks.nodeAlive[at(id)])).toEqual([0, 0, 0]);
    expect(["au", "ref", "car"].map((id) => masks.nodeAlive[at(id)])).toEqual([1, 1, 1]);
    expect(["cn", "plan", "shut", "au"].map((id) => masks.removed[at(id)])).toEqual([1, 0, 0, 0]);
    expect(masks).toEqual(byIds(csr, applied));
  });

  it("from the indices the resolver kept equals the masks from id lookups (random graphs and scenarios)", () => {
    fc.assert(
      fc.property(
        randomSupplyGraphText(10, true),
        fc.subarray(["CN", "JP", "US", "AU"]),
        fc.array(fc.nat(9), { maxLength: 3 }),
        (text, countries, nodes) => {
          const graph = graphFromText(text);
          const csr = csrOf(graph);
          const present = nodes.map((i) => `n${i}`).filter((id) => graph.hasNode(id));
          const selectors = [
            ...countries
              .filter((c) => graph.someNode((_id, a) => a.country === c))
              .map((country) => ({ country })),
            ...present.map((node) => ({ node })),
          ];
          const applied = applyScenario(csr, { name: "x", remove: selectors });
          const masks = scenarioMasks(csr, applied);
          expect(masks).toEqual(byIds(csr, applied));
          // no cuts here: an edge is there exactly when both its ends are
          for (let e = 0; e < csr.m; e++)
            expect(masks.edgeAlive[e]).toBe(
              masks.nodeAlive[csr.edgeSource[e]!]! & masks.nodeAlive[csr.edgeTarget[e]!]!,
            );
        },
      ),
      { numRuns: 300 },
    );
  });
});
