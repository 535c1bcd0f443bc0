import { existsSync } from "node:fs";
import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import {
  bundledGraphNames,
  bundledGraphPath,
  loadBundledGraph,
  resolveGraphPath,
} from "../../src/io/bundled.js";
import { loadGraph } from "../../src/io/load-graph.js";
import { type ChokepointError, UsageError } from "../../src/model/errors.js";

describe("bundled graphs by name", () => {
  it("refuses a name that is no bundled graph, listing the names", () => {
    for (const name of ["rare-earths-2024", 1999, "../package", ""]) {
      try {
        bundledGraphPath(name);
        expect.unreachable(`${name} should not resolve`);
      } catch (e) {
        expect(e).toBeInstanceOf(UsageError);
        expect((e as ChokepointError).code).toBe("E_GRAPH_UNKNOWN");
        expect((e as ChokepointError).hint).toContain("rare-earths-2025");
      }
    }
  });

  it("lists the graph files of graphs/, sorted", () => {
    const names = bundledGraphNames();
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(["rare-earths-2010", "rare-earths-2025"]));
  });

  it("finds each by name, and the rare-earth ones by year", () => {
    for (const name of bundledGraphNames()) {
      expect(basename(bundledGraphPath(name))).toBe(`${name}.json`);
      expect(existsSync(bundledGraphPath(name))).toBe(true);
    }
    expect(bundledGraphPath(2010)).toBe(bundledGraphPath("rare-earths-2010"));
    expect(bundledGraphPath()).toBe(bundledGraphPath("rare-earths-2025"));
    expect(resolveGraphPath(undefined)).toBe(bundledGraphPath("rare-earths-2025"));
  });

  it("loads a bundled graph as loadGraph loads its file", () => {
    const byName = loadBundledGraph("rare-earths-2010");
    const byPath = loadGraph(bundledGraphPath("rare-earths-2010"));
    expect(byName.export()).toEqual(byPath.export());
    expect(loadBundledGraph().getAttribute("year")).toBe(2025);
  });
});
