import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { parquetWriteBuffer } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../_helpers/seeded-random.js";
import { plainCsr } from "../../_helpers/plain-csr.js";
import { csrFromColumns, csrFromColumnsAsync } from "../../../src/model/csr.js";
import { IdBytes } from "../../../src/io/_id-bytes.js";
import { EndTexts, resolveEnds, viewColumnOf } from "../../../src/io/_parquet-edge-coding.js";
import { NULL_CODE } from "../../../src/io/_parquet-text.js";
import { readEdgesOnThread } from "../../../src/io/formats/_parquet-edges-thread.js";
import { checkParquetColumns, readParquetTables } from "../../../src/io/formats/parquet-files.js";
import { writeParquet } from "../../../src/io/formats/parquet-write.js";
import { parseGraph } from "../../../src/io/parse-graph.js";
import { syntheticGraphJson } from "../../../src/generate/synthetic-graph-json.js";
import { syntheticNetwork } from "../../../src/generate/synthetic-network.js";

/** Always on a worker thread, never on one (the default puts small tables on this thread). */
const THREAD = 0;
const INLINE = Number.POSITIVE_INFINITY;

function folder(): string {
  return mkdtempSync(join(tmpdir(), "chokepoint-parquet-thread-"));
}

function writeTables(out: { nodes: Uint8Array; edges: Uint8Array; graph?: Uint8Array }): string {
  const dir = folder();
  writeFileSync(join(dir, "nodes.parquet"), out.nodes);
  writeFileSync(join(dir, "edges.parquet"), out.edges);
  if (out.graph) writeFileSync(join(dir, "graph.parquet"), out.graph);
  return dir;
}

function generatedText(nodes: number, seed: number): string {
  return [...syntheticGraphJson(syntheticNetwork({ nodes, seed }))].join("");
}

type Col = { name: string; data: unknown[]; type?: "STRING" | "DOUBLE" | "INT64" };
const table = (columns: Col[]) => new Uint8Array(parquetWriteBuffer({ columnData: columns as never }));

/** The edges table and the ids' table of a read of the folder, on a worker thread and on this one. */
async function bothReads(dir: string) {
  const thread = await readParquetTables(dir, {}, true, THREAD);
  const inline = await readParquetTables(dir, {}, true, INLINE);
  if ("problems" in thread || "problems" in inline) throw new Error("unexpected problems");
  // (the nodes table is read on this thread either way)
  return {
    thread: { edges: thread.edges, idBytes: thread.idBytes },
    inline: { edges: inline.edges, idBytes: inline.idBytes },
  };
}

describe("ends kept as texts, then matched to nodes (EndTexts, resolveEnds)", () => {
  it("a hand-checked column: each text kept once per call, codes become positions, unknown -1, null stays null", () => {
    const ids = new IdBytes(["a", "bb", "ccc"]);
    const texts = new EndTexts();
    const bytes = new TextEncoder().encode("xbbaccczz");
    // "bb" at 1..3, "a" at 3..4, "ccc" at 4..7, "zz" (unknown) at 7..9
    const codes = [
      texts.code(bytes, 1, 3),
      texts.code(bytes, 3, 4),
      texts.code(bytes, 4, 7),
      texts.code(bytes, 7, 9),
    ];
    expect(codes).toEqual([0, 1, 2, 3]);
    const source = Int32Array.from([0, 1, NULL_CODE, 3, 0]);
    const target = Int32Array.from([2, 2, 1]);
    resolveEnds([source, target], texts.list(), (b, from, to) => ids.positionOf(b, from, to));
    expect(Array.from(source)).toEqual([1, 0, NULL_CODE, -1, 1]);
    expect(Array.from(target)).toEqual([2, 2, 0]);
  });

  it("grows past its first buffers and keeps every text (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 3000 }), (words) => {
        const texts = new EndTexts();
        const encoder = new TextEncoder();
        for (const w of words) {
          const b = encoder.encode(`<${w}>`);
          texts.code(b, 1, b.length - 1);
        }
        const { bytes, offsets } = texts.list();
        const decoder = new TextDecoder();
        const back = Array.from({ length: offsets.length - 1 }, (_, k) =>
          decoder.decode(bytes.subarray(offsets[k]!, offsets[k + 1]!)),
        );
        expect(back).toEqual(words.map((w) => decoder.decode(encoder.encode(w))));
      }),
      { numRuns: 20 },
    );
  });
});

describe("a lead time or volume column as the view takes it (viewColumnOf)", () => {
  it("a DOUBLE column as it is; numbers kept, anything else no value (NaN); an absent column all NaN", () => {
    const doubles = Float64Array.from([1, 2.5, 0]);
    expect(viewColumnOf(doubles, 3)).toBe(doubles);
    expect(Array.from(viewColumnOf([3, null, "", 4], 4))).toEqual([3, Number.NaN, Number.NaN, 4]);
    expect(Array.from(viewColumnOf(undefined, 2))).toEqual([Number.NaN, Number.NaN]);
    // a short typed column is read like any other: its missing cells are no value
    expect(Array.from(viewColumnOf(Float64Array.from([7]), 2))).toEqual([7, Number.NaN]);
  });
});

describe("the edges table read on a worker thread", () => {
  it("generated graphs and DuckDB's tables: the same tables as a read on this thread", async () => {
    const dirs = [
      writeTables(writeParquet(parseGraph(generatedText(300, 2)))),
      writeTables(writeParquet(parseGraph(generatedText(2000, 5)))),
      fileURLToPath(new URL("../../fixtures/interop/duckdb-parquet", import.meta.url)),
    ];
    for (const dir of dirs) {
      // the worker does answer (a null would mean a read on this thread, and the comparison below a tautology)
      const onThread = readEdgesOnThread({ path: join(dir, "edges.parquet"), maxBytes: 1e9 });
      const read = await onThread.resolve(new IdBytes(["not", "these", "ids"]), () => null);
      expect(read?.rows).toBeGreaterThan(300);
      expect(await onThread.edgeLists()).toBeNull(); // no order given: no view
      const { thread, inline } = await bothReads(dir);
      expect(thread.edges.rows).toBeGreaterThan(300);
      expect([...thread.edges.coded!]).toContain("source");
      expect(thread).toEqual(inline);
      // and the view built from the checked columns
      const [viaThread, viaThis] = [
        await checkParquetColumns(dir, {}, THREAD),
        await checkParquetColumns(dir, {}, INLINE),
      ];
      expect(viaThread.problems).toEqual(viaThis.problems);
      // the view's edges were built on the worker (else the comparison below would be one of this thread's)
      expect((await viaThread.edgeLists)?.edgeSource.length).toBe(read!.rows);
      expect(viaThis.edgeLists).toBeUndefined();
      const view = plainCsr(csrFromColumns(viaThis.columns!));
      expect(plainCsr(await csrFromColumnsAsync(viaThread.columns!, viaThread.edgeLists!))).toEqual(view);
      // and the same view when the worker made none
      expect(plainCsr(await csrFromColumnsAsync(viaThis.columns!, Promise.resolve(null)))).toEqual(view);
    }
  });

  it("the ids sent at once (ends matched as decoded) or late (ends kept as texts, then matched): the same columns", async () => {
    const dir = writeTables(writeParquet(parseGraph(generatedText(2000, 7))));
    const inline = await readParquetTables(dir, {}, true, INLINE);
    if ("problems" in inline) throw new Error("unexpected problems");
    const path = join(dir, "edges.parquet");
    const atOnce = readEdgesOnThread({ path, maxBytes: 1e9 });
    const early = await atOnce.resolve(inline.idBytes!, () => null);
    // late: the worker has long decoded the table when the ids come
    const later = readEdgesOnThread({ path, maxBytes: 1e9 });
    await new Promise((done) => setTimeout(done, 1500));
    const late = await later.resolve(inline.idBytes!, () => null);
    for (const read of [early, late]) {
      expect(read?.rows).toBe(inline.edges.rows);
      expect(read?.header).toEqual(inline.edges.header);
      expect(read?.columns.map((c) => Array.from(c as ArrayLike<unknown>))).toEqual(
        inline.edges.columns.map((c) => Array.from(c)),
      );
    }
  });

  it("renamed ids and shuffled rows: the same tables on either thread (property)", async () => {
    const file = JSON.parse(generatedText(120, 11)) as {
      nodes: Array<{ key: string }>;
      edges: Array<{ source: string; target: string }>;
    };
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 30 }), async (seed) => {
        const random = seededRandom(seed);
        const copy = structuredClone(file);
        // ids of other lengths, some not ASCII (matched by their UTF-8 bytes)
        const rename = new Map(
          copy.nodes.map((n) => [
            n.key,
            `${random() < 0.3 ? "é" : ""}${Math.floor(random() * 1e6)}:${n.key}`,
          ]),
        );
        for (const n of copy.nodes) n.key = rename.get(n.key)!;
        for (const e of copy.edges) {
          e.source = rename.get(e.source)!;
          e.target = rename.get(e.target)!;
        }
        copy.edges.sort(() => random() - 0.5);
        const dir = writeTables(writeParquet(parseGraph(JSON.stringify(copy))));
        const { thread, inline } = await bothReads(dir);
        expect(thread).toEqual(inline);
        // the view's edges built on the worker in the ids' order: the view built here
        const viaThread = await checkParquetColumns(dir, {}, THREAD);
        expect(await viaThread.edgeLists).not.toBeNull();
        expect(plainCsr(await csrFromColumnsAsync(viaThread.columns!, viaThread.edgeLists!))).toEqual(
          plainCsr(csrFromColumns((await checkParquetColumns(dir, {}, INLINE)).columns!)),
        );
      }),
      { numRuns: 5 },
    );
  });

  it("edges with problems: the same problems as a read on this thread (dangling end, repeat)", async () => {
    const nodes = table([
      { name: "id", data: ["a", "b", "c"], type: "STRING" },
      { name: "stage", data: ["mine", "refinery", "refinery"], type: "STRING" },
      { name: "country", data: ["CN", "AU", "CN"], type: "STRING" },
      { name: "output", data: ["ore", "oxide", "oxide"], type: "STRING" },
    ]);
    const edgesWith = (source: string[], target: string[]) =>
      table([
        { name: "source", data: source, type: "STRING" },
        { name: "target", data: target, type: "STRING" },
      ]);
    for (const edges of [
      edgesWith(["a", "nowhere"], ["b", "c"]),
      edgesWith(["a", "a", "a"], ["b", "c", "b"]),
    ]) {
      const dir = writeTables({ nodes, edges });
      const thread = await checkParquetColumns(dir, {}, THREAD);
      expect(thread.problems.some((p) => p.severity === "error")).toBe(true);
      expect(thread).toEqual(await checkParquetColumns(dir, {}, INLINE));
    }
  });

  it("files the worker leaves to this thread give the same problems: not Parquet, empty, nested, numeric ids", async () => {
    const nodes = table([{ name: "id", data: ["a", "b"], type: "STRING" }]);
    const edges = table([
      { name: "source", data: ["a"], type: "STRING" },
      { name: "target", data: ["b"], type: "STRING" },
    ]);
    const nested = new Uint8Array(
      parquetWriteBuffer({
        columnData: [
          { name: "source", data: ["a"] },
          { name: "target", data: ["b"] },
          { name: "tags", data: [["x"]] },
        ] as never,
        schema: [
          { name: "root", num_children: 3 },
          { name: "source", type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "REQUIRED" },
          { name: "target", type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "REQUIRED" },
          { name: "tags", repetition_type: "OPTIONAL", num_children: 1, converted_type: "LIST" },
          { name: "list", repetition_type: "REPEATED", num_children: 1 },
          { name: "element", type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "OPTIONAL" },
        ],
      }),
    );
    const numeric = table([{ name: "id", data: [1n, 2n], type: "INT64" }]);
    const numericEdges = table([
      { name: "source", data: [1n], type: "INT64" },
      { name: "target", data: [2n], type: "INT64" },
    ]);
    const cases = [
      { nodes, edges: new TextEncoder().encode("source,target\na,b\n") },
      { nodes, edges: new Uint8Array(0) },
      { nodes, edges: nested },
      { nodes: numeric, edges: numericEdges },
      { nodes: new TextEncoder().encode("not parquet"), edges },
    ];
    for (const files of cases) {
      const dir = writeTables(files);
      const thread = await checkParquetColumns(dir, {}, THREAD);
      expect(thread).toEqual(await checkParquetColumns(dir, {}, INLINE));
    }
    // and the too-large limit applies to the worker's read as to this thread's
    const dir = writeTables({ nodes, edges });
    const small = await checkParquetColumns(dir, { maxBytes: 100 }, THREAD);
    expect(small.problems.map((p) => p.code)).toContain("E_TOO_LARGE");
    expect(small).toEqual(await checkParquetColumns(dir, { maxBytes: 100 }, INLINE));
  });
});
