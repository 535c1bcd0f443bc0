/**
 * Scenario timing (for `simulate`): the file format accepts `startDay`, `durationDays`, `startDate`, `endDate` at
 * the top and `startDay` / `durationDays` on each rule, rejects bad values with E_SCENARIO_FILE, and
 * `applyScenario` resolves every rule's window while leaving the yearly masks as they were.
 */
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/io/load-scenario.js";
import { ScenarioError } from "../../src/model/errors.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { composeScenarios } from "../../src/scenario/compose.js";
import { ruleWindow, scenarioWindow, windowCovers, windowEnd } from "../../src/scenario/timing.js";
import type { Scenario } from "../../src/scenario/types.js";
import { graphFromText } from "../_helpers/graph-from-text.js";

const graph = graphFromText(`
  cn-mine [mine CN output=ore capacity=10]
  au-mine [mine AU output=ore capacity=4]
  jp-ref [refinery JP output=ox]
  car [consumer JP demand=8]
  cn-mine -> jp-ref volume=8
  au-mine -> jp-ref volume=0
  jp-ref -> car volume=8
`);

function rejects(json: unknown): void {
  let error: unknown;
  try {
    parseScenario(JSON.stringify(json), "bad.json");
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ScenarioError);
  expect((error as ScenarioError).code).toBe("E_SCENARIO_FILE");
}

describe("scenario timing: validation", () => {
  it("accepts timing at the top and on every kind of rule", () => {
    const s = parseScenario(
      JSON.stringify({
        name: "t",
        startDay: 10,
        durationDays: 60,
        startDate: "2010-09-21",
        endDate: "2010-11-20",
        remove: [{ node: "cn-mine", startDay: 3, durationDays: 0.5 }],
        cut: [{ from: "CN", to: "JP", startDay: 0 }],
        scale: [{ select: { country: "AU" }, factor: 2, durationDays: 30 }],
      }),
    );
    expect(s.startDay).toBe(10);
    expect(s.remove?.[0]).toEqual({ node: "cn-mine", startDay: 3, durationDays: 0.5 });
  });

  it.each([
    [{ startDay: -1 }],
    [{ startDay: 1.5 }],
    [{ durationDays: 0 }],
    [{ durationDays: -3 }],
    [{ startDate: "2010-9-21" }],
    [{ startDate: "2010-02-30" }],
    [{ endDate: "yesterday" }],
    [{ remove: [{ node: "cn-mine", startDay: -2 }] }],
    [{ cut: [{ from: "CN", to: "JP", durationDays: 0 }] }],
    [{ scale: [{ select: { country: "AU" }, factor: 2, startDay: 0.5 }] }],
    [{ scale: [{ select: { country: "AU", startDay: 3 }, factor: 2 }] }],
  ])("rejects %j with E_SCENARIO_FILE", (extra) => rejects({ name: "t", ...extra }));

  it("rejects an endDate before the startDate when applied (E_SCENARIO_DATES)", () => {
    const s: Scenario = { name: "t", startDate: "2010-11-20", endDate: "2010-09-21" };
    expect(() => applyScenario(graph, s)).toThrow(ScenarioError);
    try {
      applyScenario(graph, s);
    } catch (e) {
      expect((e as ScenarioError).code).toBe("E_SCENARIO_DATES");
    }
  });
});

describe("scenario timing: applyScenario", () => {
  it("an untimed scenario lasts from day 0 to the end of the horizon", () => {
    const applied = applyScenario(graph, { name: "t", remove: [{ node: "cn-mine" }] });
    expect(applied.timing.window).toEqual({ startDay: 0, durationDays: null });
    expect(applied.timing.removed).toEqual({ "cn-mine": [{ startDay: 0, durationDays: null }] });
    expect(applied.timing.startDate).toBeNull();
  });

  it("rules inherit the scenario's window and their own keys replace it; the yearly masks do not change", () => {
    const timed: Scenario = {
      name: "t",
      startDay: 10,
      durationDays: 60,
      remove: [{ node: "cn-mine", startDay: 20 }],
      cut: [{ from: "CN", to: "JP", durationDays: 5 }],
      scale: [{ select: { node: "au-mine" }, factor: 0.5 }],
    };
    const applied = applyScenario(graph, timed);
    expect(applied.timing.window).toEqual({ startDay: 10, durationDays: 60 });
    expect(applied.timing.removed).toEqual({ "cn-mine": [{ startDay: 20, durationDays: 60 }] });
    // the cut CN>JP hits only an edge of a removed node: nothing is listed
    expect(applied.timing.cut).toEqual({});
    expect(applied.timing.scaled).toEqual({
      "au-mine": { base: 4, factors: [{ factor: 0.5, window: { startDay: 10, durationDays: 60 } }] },
    });
    const { startDay: _s, durationDays: _d, ...permanent } = timed;
    const plain = applyScenario(graph, {
      ...permanent,
      remove: [{ node: "cn-mine" }],
      cut: [{ from: "CN", to: "JP" }],
    });
    expect(applied.removedNodes).toEqual(plain.removedNodes);
    expect(applied.scaledCapacity).toEqual(plain.scaledCapacity);
  });

  it("a single-node remove rule with timing keys still names an unknown node (E_SCENARIO_UNKNOWN_NODE)", () => {
    try {
      applyScenario(graph, { name: "t", remove: [{ node: "nope", startDay: 3 }] });
      expect.unreachable();
    } catch (e) {
      expect((e as ScenarioError).code).toBe("E_SCENARIO_UNKNOWN_NODE");
    }
  });

  it("a cut edge lists the windows of every cut that hits it", () => {
    const applied = applyScenario(graph, {
      name: "t",
      cut: [
        { from: "CN", to: "JP", startDay: 0, durationDays: 10 },
        { from: "CN", to: "*", startDay: 30, durationDays: 10 },
      ],
    });
    expect(Object.values(applied.timing.cut)).toEqual([
      [
        { startDay: 0, durationDays: 10 },
        { startDay: 30, durationDays: 10 },
      ],
    ]);
  });
});

describe("scenario timing: windows and composition", () => {
  it("windows cover [start, start + duration)", () => {
    const w = ruleWindow({ durationDays: 60 }, scenarioWindow({ startDay: 10 }));
    expect(w).toEqual({ startDay: 10, durationDays: 60 });
    expect([9, 10, 69, 70].map((d) => windowCovers(w, d))).toEqual([false, true, true, false]);
    expect(windowEnd(w)).toBe(70);
    expect(windowEnd(scenarioWindow({}))).toBe(Number.POSITIVE_INFINITY);
  });

  it("composing differently timed scenarios moves each one's timing into its rules", () => {
    const a: Scenario = { name: "a", startDay: 5, durationDays: 10, remove: [{ node: "cn-mine" }] };
    const b: Scenario = { name: "b", cut: [{ from: "CN", to: "JP" }] };
    const both = composeScenarios([a, b]);
    expect(both.startDay).toBeUndefined();
    expect(both.remove).toEqual([{ node: "cn-mine", startDay: 5, durationDays: 10 }]);
    expect(both.cut).toEqual([{ from: "CN", to: "JP" }]);
    const same = composeScenarios([a, { ...b, startDay: 5, durationDays: 10 }]);
    expect(same.startDay).toBe(5);
    expect(same.remove).toEqual([{ node: "cn-mine" }]);
  });
});
