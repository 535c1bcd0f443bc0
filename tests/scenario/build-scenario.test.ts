import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ChokepointError, ScenarioError } from "../../src/model/errors.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { buildScenario } from "../../src/scenario/build-scenario.js";
import { scenarioFromFlags } from "../../src/scenario/compose.js";
import { graphFromText } from "../_helpers/graph-from-text.js";

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ChokepointError);
    return (e as ChokepointError).code;
  }
  return undefined;
}

describe("buildScenario: invalid parts", () => {
  it.each([
    ["a text selector with an unknown key", { remove: ["contry=CN"] }, "E_SCENARIO_SELECTOR"],
    ["a text cut it cannot read", { cut: ["China>Japan"] }, "E_SCENARIO_SELECTOR"],
    ["a text scale without a factor", { scale: ["country=CN"] }, "E_SCENARIO_SELECTOR"],
    ["an object selector with an unknown key", { remove: [{ contry: "CN" }] }, "E_SCENARIO_INVALID"],
    ["a negative factor", { scale: [{ select: { country: "CN" }, factor: -1 }] }, "E_SCENARIO_INVALID"],
    ["an empty name", { name: "" }, "E_SCENARIO_INVALID"],
    ["a field no scenario has", { removes: [] }, "E_SCENARIO_INVALID"],
    ["a year that is not an integer", { year: 2028.5 }, "E_SCENARIO_INVALID"],
  ])("refuses %s", (_what, parts, code) => {
    expect(codeOf(() => buildScenario(parts as never))).toBe(code);
    try {
      buildScenario(parts as never);
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
    }
  });
});

describe("buildScenario: text and object forms", () => {
  it("reads the CLI's text forms into the scenario file's objects", () => {
    expect(
      buildScenario({
        name: "s",
        remove: ["country=CN,stage=refinery", { operator: "Lynas Rare Earths" }],
        cut: ["CN>*:DyTb-oxide", { from: "CN", to: "JP" }],
        scale: ["country=MM:0.5", { select: "stage=mine", factor: 2 }],
        year: 2028,
      }),
    ).toEqual({
      name: "s",
      remove: [{ country: "CN", stage: "refinery" }, { operator: "Lynas Rare Earths" }],
      cut: [
        { from: "CN", to: "*", material: "DyTb-oxide" },
        { from: "CN", to: "JP" },
      ],
      scale: [
        { select: { country: "MM" }, factor: 0.5 },
        { select: { stage: "mine" }, factor: 2 },
      ],
      year: 2028,
    });
  });

  it("names a scenario `custom` by default", () => {
    expect(buildScenario({})).toEqual({ name: "custom" });
  });

  it("applies like the same scenario written as flags", () => {
    const graph = graphFromText(`
      mine-a [mine CN output=ore]
      mine-b [mine AU output=ore]
      ref [refinery MY output=ox capacity=10]
      car [consumer JP demand=5]
      mine-a -> ref volume=4
      mine-b -> ref volume=4
      ref -> car volume=5
    `);
    const built = applyScenario(graph, buildScenario({ remove: ["country=CN"], cut: ["MY>JP"] }));
    const flags = applyScenario(graph, scenarioFromFlags({ remove: ["country=CN"], cut: ["MY>JP"] }));
    expect(built.removedNodes).toEqual(["mine-a"]);
    expect(built.removedEdges).toEqual(flags.removedEdges);
    expect(built.removedEdges).toHaveLength(1);
  });

  it("agrees with scenarioFromFlags on any text selector it accepts", () => {
    const key = fc.constantFrom("node", "country", "stage", "operator", "status", "output");
    const value = fc.stringMatching(/^[A-Za-z0-9-]{1,8}$/);
    const selector = fc
      .uniqueArray(fc.tuple(key, value), { minLength: 1, maxLength: 3, selector: (t) => t[0] })
      .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join(","));
    fc.assert(
      fc.property(fc.array(selector, { minLength: 1, maxLength: 3 }), (remove) => {
        expect(buildScenario({ remove })).toEqual(scenarioFromFlags({ remove }));
      }),
    );
  });
});
