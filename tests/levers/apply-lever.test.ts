import { describe, expect, it } from "vitest";
import { parseLever } from "../../src/io/load-lever.js";
import { applyLever, applyLevers } from "../../src/levers/apply-lever.js";
import type { Lever } from "../../src/levers/types.js";
import { ScenarioError } from "../../src/model/errors.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { graphFromText } from "../_helpers/graph-from-text.js";

const chain = () =>
  graphFromText(`
    cn-mine [mine CN output=ore capacity=100]
    au-mine [mine AU output=ore capacity=10]
    cn-ref [refinery CN output=ox capacity=100]
    my-ref [refinery MY output=ox capacity=10]
    jp-mag [magnet JP output=mag recipe=ox:1]
    jp-hrefree [magnet JP output=mag recipe=ox:1 operator=Daido]
    stock-jp [stockpile JP output=ox stock=5]
    car [consumer JP demand=20 stockpileDays=18]
    recycler [recycling JP output=ox capacity=2]
    cn-mine -> cn-ref volume=60
    au-mine -> my-ref volume=10
    cn-ref -> jp-mag volume=10
    my-ref -> jp-mag volume=10
    recycler -> jp-hrefree volume=2
    jp-mag -> car volume=18
    jp-hrefree -> car volume=2
  `);

describe("lever files", () => {
  it("rejects unknown keys, bad values and bad JSON with E_LEVER_FILE", () => {
    for (const text of [
      "{",
      JSON.stringify({ name: "x" }),
      JSON.stringify({
        name: "x",
        pillar: "p",
        edits: [{ select: { country: "JP" }, set: { label: "no" } }],
      }),
      JSON.stringify({ name: "x", pillar: "p", edits: [{ select: { country: "JP" }, set: { stock: -1 } }] }),
      JSON.stringify({ name: "x", pillar: "p", year: 2028 }),
    ]) {
      expect(() => parseLever(text)).toThrow(ScenarioError);
      try {
        parseLever(text);
      } catch (e) {
        expect((e as ScenarioError).code).toBe("E_LEVER_FILE");
      }
    }
  });
});

describe("applyLever", () => {
  it("never mutates the input graph and lists exactly the nodes it edits", () => {
    const graph = chain();
    const before = JSON.stringify(graph.export());
    const lever: Lever = {
      name: "no-stock",
      pillar: "stockpile",
      edits: [
        { select: { stage: "stockpile", country: "JP" }, set: { stock: 0 } },
        { select: { stage: "consumer", country: "JP" }, set: { stockpileDays: 0 } },
      ],
    };
    const result = applyLever(graph, lever);
    expect(JSON.stringify(graph.export())).toBe(before);
    expect(result.graph).not.toBe(graph);
    expect(result.graph.getNodeAttribute("stock-jp", "stock")).toBe(0);
    expect(result.changes).toEqual([
      {
        lever: "no-stock",
        pillar: "stockpile",
        removedNodes: [],
        cutEdges: [],
        scaledNodes: {},
        editedNodes: [
          { id: "car", changes: [{ attribute: "stockpileDays", before: 18, after: 0 }] },
          { id: "stock-jp", changes: [{ attribute: "stock", before: 5, after: 0 }] },
        ],
        editedEdges: [],
        addedEdges: [],
      },
    ]);
  });

  it("recipe edits replace the recipe on a copy; masks stay masks (no node is deleted)", () => {
    const graph = chain();
    const lever: Lever = {
      name: "x",
      pillar: "p",
      remove: [{ stage: "recycling" }],
      cut: [{ from: "MY", to: "JP" }],
      edits: [{ select: { operator: "Daido" }, set: { recipe: { ox: 1.1 } } }],
    };
    const result = applyLever(graph, lever);
    expect(result.graph.order).toBe(graph.order);
    expect(result.graph.getNodeAttribute("jp-hrefree", "recipe")).toEqual({ ox: 1.1 });
    expect(graph.getNodeAttribute("jp-hrefree", "recipe")).toEqual({ ox: 1 });
    const c = result.changes[0]!;
    expect(c.removedNodes).toEqual(["recycler"]);
    expect(c.cutEdges).toHaveLength(1);
    expect(result.graph.source(c.cutEdges[0]!)).toBe("my-ref");
    expect(c.editedNodes.map((n) => n.id)).toEqual(["jp-hrefree"]);
    const applied = applyScenario(result.graph, result.scenario);
    expect(applied.removedNodes).toEqual(["recycler"]);
  });

  it("edge edits set attributes on the selected edges only", () => {
    const result = applyLever(chain(), {
      name: "e",
      pillar: "p",
      edits: [{ selectEdge: { from: { country: "MY" }, to: { country: "JP" } }, set: { capacity: 0 } }],
    });
    const c = result.changes[0]!;
    expect(c.editedEdges).toHaveLength(1);
    expect(c.editedEdges[0]).toMatchObject({
      source: "my-ref",
      target: "jp-mag",
      changes: [{ attribute: "capacity", before: null, after: 0 }],
    });
  });

  it("drops the ranges of the attributes it sets (the lever's value replaces the estimate), on a copy", () => {
    const g = graphFromText(`
      mine [mine AU output=ore capacity=100(70..130) recoveryDays=30(20..40)]
      ref [refinery JP output=ox capacity=50 recipe=ore:2(1.5..2.5)]
      car [consumer JP demand=20]
      mine -> ref volume=100(80..100)
      ref -> car volume=20
    `);
    const before = JSON.stringify(g.export());
    const result = applyLever(g, {
      name: "r",
      pillar: "p",
      edits: [
        { select: { node: "mine" }, set: { capacity: 500 } },
        { select: { node: "ref" }, set: { recipe: { ore: 1 } } },
        { selectEdge: { from: { node: "mine" }, to: { node: "ref" } }, set: { volume: 300 } },
      ],
    });
    expect(result.graph.getNodeAttribute("mine", "ranges")).toEqual({ recoveryDays: { low: 20, high: 40 } });
    expect(result.graph.hasNodeAttribute("ref", "ranges")).toBe(false);
    expect(result.graph.hasEdgeAttribute("mine->ref", "ranges")).toBe(false);
    expect(JSON.stringify(g.export())).toBe(before);
  });

  it("adds edges between existing nodes, keyed as the loader keys them, and refuses to feed a source", () => {
    const graph = chain();
    const result = applyLever(graph, {
      name: "dy",
      pillar: "p",
      addEdges: [{ source: "cn-ref", target: "jp-hrefree", volume: 1 }],
    });
    expect(result.changes[0]!.addedEdges).toEqual(["cn-ref->jp-hrefree"]);
    expect(result.graph.getEdgeAttribute("cn-ref->jp-hrefree", "volume")).toBe(1);
    expect(graph.hasEdge("cn-ref", "jp-hrefree")).toBe(false);
    for (const add of [
      { source: "cn-ref", target: "jp-mag" }, // exists
      { source: "jp-mag", target: "cn-mine" }, // cn-mine is a source
    ]) {
      try {
        applyLever(graph, { name: "bad", pillar: "p", addEdges: [add] });
        expect.unreachable();
      } catch (e) {
        expect((e as ScenarioError).code).toBe("E_LEVER_INVALID");
      }
    }
  });

  it("a selector matching nothing is an error, never a silent no-op", () => {
    const graph = chain();
    const bad: Lever[] = [
      { name: "a", pillar: "p", edits: [{ select: { operator: "Nobody" }, set: { stock: 0 } }] },
      {
        name: "b",
        pillar: "p",
        edits: [{ selectEdge: { from: { country: "JP" }, to: { country: "MY" } }, set: { capacity: 0 } }],
      },
    ];
    for (const lever of bad) {
      try {
        applyLever(graph, lever);
        expect.unreachable();
      } catch (e) {
        expect((e as ScenarioError).code).toBe("E_LEVER_NO_MATCH");
      }
    }
    try {
      applyLever(graph, { name: "c", pillar: "p", remove: [{ country: "FR" }] });
      expect.unreachable();
    } catch (e) {
      expect((e as ScenarioError).code).toBe("E_SCENARIO_NO_MATCH");
    }
  });

  it("an edit that leaves an unsuppliable recipe is rejected (E_LEVER_INVALID)", () => {
    try {
      applyLever(chain(), {
        name: "bad",
        pillar: "p",
        edits: [{ select: { node: "jp-mag" }, set: { recipe: { unobtainium: 1 } } }],
      });
      expect.unreachable();
    } catch (e) {
      expect((e as ScenarioError).code).toBe("E_LEVER_INVALID");
    }
  });

  it("several levers compose: edits in order, masks unioned", () => {
    const result = applyLevers(chain(), [
      { name: "a", pillar: "p", remove: [{ stage: "recycling" }] },
      { name: "b", pillar: "q", edits: [{ select: { node: "car" }, set: { stockpileDays: 0 } }] },
    ]);
    expect(result.changes.map((c) => c.lever)).toEqual(["a", "b"]);
    expect(result.scenario.remove).toEqual([{ stage: "recycling" }]);
    expect(result.graph.getNodeAttribute("car", "stockpileDays")).toBe(0);
    expect(applyLevers(chain(), []).scenario.name).toBe("baseline");
  });
});
