import { describe, expect, it } from "vitest";
import { ScenarioError } from "../../src/model/errors.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { scenarioFromFlags } from "../../src/scenario/compose.js";
import { parseUncertainty } from "../../src/scenario/selectors.js";
import type { Scenario } from "../../src/scenario/types.js";
import { rangedInputs } from "../../src/uncertainty/ranged-inputs.js";
import { graphFromText } from "../_helpers/graph-from-text.js";

const graph = () =>
  graphFromText(`
    mine-cn [mine CN output=ore capacity=50]
    mine-au [mine AU output=ore capacity=100(70..130)]
    ref [refinery JP output=ox capacity=80 recipe=ore:2(1.5..2.5)]
    car [consumer JP demand=40]
    mine-cn -> ref volume=20
    mine-au -> ref volume=80(60..90)
    ref -> car volume=40
  `);

const inputsOf = (scenario: Scenario) => {
  const g = graph();
  return rangedInputs(g, scenario, applyScenario(g, scenario)).map(
    (x) => `${x.kind} ${x.id} ${x.attribute} ${x.low}..${x.value}..${x.high} ${x.origin}`,
  );
};

describe("rangedInputs", () => {
  it("lists the file's ranges: nodes first, by id and attribute, then edges", () => {
    expect(inputsOf({ name: "baseline" })).toEqual([
      "node mine-au capacity 70..100..130 file",
      "node ref recipe.ore 1.5..2..2.5 file",
      "edge mine-au->ref volume 60..80..90 file",
    ]);
  });

  it("leaves out inputs of nodes and edges the scenario takes out", () => {
    expect(inputsOf({ name: "x", remove: [{ country: "AU" }] })).toEqual([
      "node ref recipe.ore 1.5..2..2.5 file",
    ]);
  });

  it("fills in relative ranges from uncertainty rules where the file has none; the file's range wins", () => {
    const scenario = scenarioFromFlags({ uncertainty: ["capacity:0.5", "stage=refinery:recipe:0.1"] });
    expect(inputsOf(scenario)).toEqual([
      "node mine-au capacity 70..100..130 file",
      "node mine-cn capacity 25..50..75 scenario",
      "node ref capacity 40..80..120 scenario",
      "node ref recipe.ore 1.5..2..2.5 file",
      "edge mine-au->ref volume 60..80..90 file",
    ]);
  });

  it("refuses a rule on an attribute that cannot carry a range, or matching no node with it", () => {
    const run = (rule: string) => () => inputsOf(scenarioFromFlags({ uncertainty: [rule] }));
    expect(run("label:0.2")).toThrow(expect.objectContaining({ code: "E_SCENARIO_UNCERTAINTY" }));
    expect(run("country=AU:demand:0.2")).toThrow(expect.objectContaining({ code: "E_SCENARIO_NO_MATCH" }));
    expect(run("country=AU:demand:0.2")).toThrow(ScenarioError);
  });
});

describe("parseUncertainty", () => {
  it("reads [selector:]attribute:relative", () => {
    expect(parseUncertainty("capacity:0.3")).toEqual({ select: {}, attribute: "capacity", relative: 0.3 });
    expect(parseUncertainty("country=CN,stage=mine:capacity:0.25")).toEqual({
      select: { country: "CN", stage: "mine" },
      attribute: "capacity",
      relative: 0.25,
    });
  });

  it.each([
    "capacity",
    "capacity:",
    "capacity:1",
    "capacity:0",
    "capacity:-0.1",
    ":0.3",
    "bogus=x:capacity:0.3",
  ])("refuses %s", (text) => {
    expect(() => parseUncertainty(text)).toThrow(expect.objectContaining({ code: "E_SCENARIO_SELECTOR" }));
  });
});
