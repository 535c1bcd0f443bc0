/**
 * Inputs that once crashed chokepoint or were silently mis-read (issue 15, and what the fuzz tests found), kept
 * as files in tests/fuzz/corpus/ and read back on every run. Each names the code it must now produce. Add a
 * file here for every counterexample `npm run fuzz` shrinks to.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyLever } from "../../src/levers/apply-lever.js";
import { checkGexfText, writeGexf } from "../../src/io/formats/gexf.js";
import { checkGraphmlText, writeGraphml } from "../../src/io/formats/graphml.js";
import { parseLever } from "../../src/io/load-lever.js";
import { parseScenario } from "../../src/io/load-scenario.js";
import { checkGraphText } from "../../src/io/parse-graph.js";
import { ChokepointError } from "../../src/model/errors.js";
import type { GraphCheckResult } from "../../src/model/graph-checks.js";
import { contentOf } from "../io/formats/_rich-graph.js";
import { seedGraph } from "./_targets.js";

const DIR = join(import.meta.dirname, "corpus");

/** File → the code it must produce (an error, or a warning on a graph that loads), or "same graph". */
const EXPECTED: Record<string, string> = {
  "json-deep-nesting.json": "E_DEPTH",
  "json-duplicate-key.json": "E_DUPLICATE_KEY",
  "json-proto-stage-names.json": "loads",
  "json-volume-over-capacity.json": "W_VOLUME_OVER_CAPACITY",
  "scenario-empty-selector.json": "E_SCENARIO_FILE",
  "lever-self-loop.json": "E_LEVER_SELF_LOOP",
  "lever-empty-select.json": "E_LEVER_FILE",
  "graphml-hyperedge.graphml": "E_XML_HYPEREDGE",
  "graphml-nested-graph.graphml": "E_XML_GRAPHS",
  "graphml-second-graph.graphml": "E_XML_GRAPHS",
  "graphml-duplicate-data.graphml": "E_DUPLICATE_DATA",
  "gexf-duplicate-attvalue.gexf": "E_DUPLICATE_DATA",
  "gexf-spells.gexf": "W_GEXF_DYNAMIC",
  "roundtrip-line-separators.json": "same graph",
};

function codes(r: GraphCheckResult): string[] {
  return r.problems.map((p) => p.code);
}

/** What reading a corpus file gives: the codes of its problems, or of the typed error thrown. */
function outcome(name: string, text: string): string[] {
  try {
    if (name.startsWith("scenario-")) {
      parseScenario(text, name);
      return ["loads"];
    }
    if (name.startsWith("lever-")) {
      applyLever(seedGraph(), parseLever(text, name));
      return ["loads"];
    }
    const r = name.endsWith(".gexf")
      ? checkGexfText(text)
      : name.endsWith(".graphml")
        ? checkGraphmlText(text)
        : checkGraphText(text);
    return r.graph && !r.problems.some((p) => p.severity === "error") ? ["loads", ...codes(r)] : codes(r);
  } catch (e) {
    if (e instanceof ChokepointError) return [e.code];
    throw e;
  }
}

describe("fuzz corpus: inputs that once failed", () => {
  it("every corpus file has an expectation", () => {
    expect(readdirSync(DIR).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: ${expected}`, () => {
      const text = readFileSync(join(DIR, name), "utf8");
      if (expected === "same graph") {
        const g = checkGraphText(text).graph!;
        for (const back of [checkGexfText(writeGexf(g)), checkGraphmlText(writeGraphml(g))])
          expect(contentOf(back.graph!)).toEqual(contentOf(g));
        return;
      }
      expect(outcome(name, text)).toContain(expected);
    });
  }
});
