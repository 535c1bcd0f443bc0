/**
 * Every writer round-trips: a random valid graph, written as JSON, CSV tables, GEXF or GraphML and read back
 * with the matching reader, is the same graph (every node, edge and attribute). Text attributes take any
 * Unicode except the control characters XML cannot hold (the writers remove those and say so: tested in
 * tests/io/formats); numbers any finite value in the format's range.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCsvTables } from "../../src/io/formats/csv.js";
import { writeCsv } from "../../src/io/formats/csv-write.js";
import { checkGexfText, writeGexf } from "../../src/io/formats/gexf.js";
import { checkGraphmlText, writeGraphml } from "../../src/io/formats/graphml.js";
import { checkGraphText } from "../../src/io/parse-graph.js";
import { serializeGraphJson } from "../../src/io/write-graph-file.js";
import type { GraphCheckResult } from "../../src/model/graph-checks.js";
import type { SupplyGraph } from "../../src/model/types.js";
import { graphFromText } from "../_helpers/graph-from-text.js";
import { randomSupplyGraphText } from "../_helpers/random-supply-graph.js";
import { contentOf } from "../io/formats/_rich-graph.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

// Text XML 1.0 can hold: no C0 controls but tab/newline, no lone surrogates, no U+FFFE/FFFF.
const text = fc
  .string({ maxLength: 12, unit: "grapheme" })
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  .map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\r]/g, "").trim())
  .filter((s) => s !== "");
const amount = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.double({ min: 0.001, max: 1e9, noNaN: true, noDefaultInfinity: true }),
);

const graphs: fc.Arbitrary<SupplyGraph> = fc
  .tuple(
    randomSupplyGraphText(7),
    fc.array(fc.tuple(text, text, amount, amount), { minLength: 7, maxLength: 7 }),
  )
  .map(([drawing, extras]) => {
    const g = graphFromText(drawing, { name: "round trip" });
    g.forEachNode((id, a) => {
      const [label, notes, capacity] = extras[Number(id.slice(1))]!;
      g.setNodeAttribute(id, "label", label);
      g.setNodeAttribute(id, "notes", notes);
      if (a.stage !== "consumer") g.setNodeAttribute(id, "capacity", capacity);
    });
    g.forEachEdge((key, _a, s) => g.setEdgeAttribute(key, "volume", extras[Number(s.slice(1))]![3]));
    return g;
  });

const WRITERS: Array<[string, (g: SupplyGraph) => GraphCheckResult]> = [
  ["json", (g) => checkGraphText(serializeGraphJson(g))],
  [
    "csv",
    (g) => {
      const t = writeCsv(g);
      return checkCsvTables({
        nodes: { text: t.nodes, name: "nodes.csv" },
        edges: { text: t.edges, name: "edges.csv" },
        graph: { text: t.graph, name: "graph.csv" },
      });
    },
  ],
  ["gexf", (g) => checkGexfText(writeGexf(g))],
  ["graphml", (g) => checkGraphmlText(writeGraphml(g))],
];

describe("fuzz: write -> read gives the same graph", () => {
  for (const [format, roundTrip] of WRITERS) {
    it(`${format}: ${RUNS} random graphs`, () => {
      fc.assert(
        fc.property(graphs, (g) => {
          const back = roundTrip(g);
          expect(back.problems.filter((p) => p.severity === "error")).toEqual([]);
          expect(contentOf(back.graph!)).toEqual(contentOf(g));
        }),
        { numRuns: RUNS, seed: 20261206 },
      );
    }, 120_000);
  }
});
