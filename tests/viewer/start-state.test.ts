import { describe, expect, test } from "vitest";
import { startState } from "../../viewer/src/start-state.js";
import { DEFAULT_STATE, encodeHash } from "../../viewer/src/state.js";

const NAMES = ["rare-earths-2025", "rare-earths-2010"];

/** A shared view of `graph`: a node and a country removed, a node selected. */
const linkedState = (graph: string) => ({
  ...DEFAULT_STATE,
  graph,
  removedNodes: ["a"],
  selected: "b",
  removedCountries: ["CN"],
});

describe("startState", () => {
  test("no hash: the default state, nothing to say", () => {
    expect(startState("", NAMES)).toEqual({ state: DEFAULT_STATE, problem: null });
    expect(startState("#", NAMES)).toEqual({ state: DEFAULT_STATE, problem: null });
  });

  test("a link to a bundled graph (or the served local one) keeps its scenario and selection", () => {
    for (const graph of ["rare-earths-2010", "local"]) {
      const linked = linkedState(graph);
      expect(startState(encodeHash(linked), NAMES)).toEqual({ state: linked, problem: null });
    }
  });

  test("a link to a file or a graph this build lacks starts on the first bundled graph, and says so", () => {
    for (const graph of ["file:mine.json", "rare-earths-1999"]) {
      const linked = linkedState(graph);
      const { state, problem } = startState(encodeHash(linked), NAMES);
      expect(state).toEqual({ ...linked, graph: "rare-earths-2025", removedNodes: [], selected: null });
      expect(problem).toContain(graph.replace("file:", ""));
    }
  });

  test("a build without bundled graphs starts on none", () => {
    const { state, problem } = startState("", []);
    expect(state.graph).toBe("");
    expect(problem).toBeNull();
  });
});
