import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parquetMetadata } from "hyparquet";
import { parquetWriteBuffer } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { checkCsvTables } from "../../../src/io/formats/csv.js";
import { writeCsv } from "../../../src/io/formats/csv-write.js";
import { checkParquetColumns, checkParquetFile } from "../../../src/io/formats/parquet-files.js";
import { readParquetTable } from "../../../src/io/formats/parquet.js";
import { writeParquet } from "../../../src/io/formats/parquet-write.js";
import { readGraphFileAsync } from "../../../src/io/read-graph-file.js";
import { readGraphTable, readGraphTableAsync } from "../../../src/io/read-graph-table.js";
import { serializeGraphJson, writeGraphFile } from "../../../src/io/write-graph-file.js";
import { GraphFileError } from "../../../src/model/errors.js";
import { parseGraph } from "../../../src/io/parse-graph.js";
import { contentOf, richGraph } from "./_rich-graph.js";

const codes = (r: { problems: Array<{ code: string; severity: string }> }) =>
  r.problems.filter((p) => p.severity === "error").map((p) => p.code);

function folder(): string {
  return mkdtempSync(join(tmpdir(), "chokepoint-parquet-"));
}

type Col = { name: string; data: unknown[]; type?: "STRING" | "DOUBLE" | "BOOLEAN" | "INT64" | "JSON" };
function table(columns: Col[]): Uint8Array {
  return new Uint8Array(parquetWriteBuffer({ columnData: columns as never }));
}

/** A Parquet graph folder from column lists (as another tool would write it). */
function tables(nodes: Col[], edges: Col[], graph?: Col[]): string {
  const dir = folder();
  writeFileSync(join(dir, "nodes.parquet"), table(nodes));
  writeFileSync(join(dir, "edges.parquet"), table(edges));
  if (graph) writeFileSync(join(dir, "graph.parquet"), table(graph));
  return dir;
}

const NODES: Col[] = [
  { name: "id", data: ["0012", "12", "ref"], type: "STRING" },
  { name: "label", data: ["Bayan Obo", "Other", "Refinery"], type: "STRING" },
  { name: "stage", data: ["mine", "mine", "refinery"], type: "STRING" },
  { name: "country", data: ["CN", "AU", "CN"], type: "STRING" },
  { name: "output", data: ["ore", "ore", "oxide"], type: "STRING" },
  { name: "capacity", data: [100, 50, null], type: "DOUBLE" },
];
const EDGES: Col[] = [
  { name: "source", data: ["0012", "12"], type: "STRING" },
  { name: "target", data: ["ref", "ref"], type: "STRING" },
  { name: "volume", data: [80, 20], type: "DOUBLE" },
];
const GRAPH: Col[] = [
  { name: "attribute", data: ["stages"], type: "STRING" },
  { name: "value", data: ["mine;refinery;consumer"], type: "STRING" },
];

describe("Parquet reader", () => {
  it("reads a foreign table: ids stay text (0012 and 12), DOUBLE and INT64 are numbers, nulls are absent", async () => {
    const dir = tables(
      [...NODES, { name: "since", data: [1957n, null, 2001n], type: "INT64" }],
      EDGES,
      GRAPH,
    );
    const r = await checkParquetFile(dir);
    expect(codes(r)).toEqual([]);
    const g = r.graph!;
    expect(g.nodes().sort()).toEqual(["0012", "12", "ref"]);
    expect(g.getNodeAttribute("0012", "capacity")).toBe(100);
    expect(g.getNodeAttribute("0012", "since")).toBe(1957);
    expect(g.hasNodeAttribute("ref", "capacity")).toBe(false);
    expect(g.getEdgeAttribute("0012->ref", "volume")).toBe(80);
  });

  it("types text columns as CSV cells do (a table exported with every column as text)", async () => {
    const text = NODES.map((c) => ({
      ...c,
      type: "STRING" as const,
      data: c.data.map((v) => (v === null ? null : String(v))),
    }));
    const r = await checkParquetFile(tables(text, EDGES, GRAPH));
    expect(codes(r)).toEqual([]);
    expect(r.graph!.getNodeAttribute("12", "capacity")).toBe(50);
  });

  it("the integer view straight from the tables equals the one built from the graph", async () => {
    const dir = tables(NODES, EDGES, GRAPH);
    const direct = await readGraphTableAsync(dir);
    const viaGraph = await readGraphFileAsync(dir);
    expect(direct.ids).toEqual(["0012", "12", "ref"]);
    expect(Array.from(direct.edgeSource)).toEqual([0, 1]);
    expect(Array.from(direct.volume)).toEqual([80, 20]);
    const objects = direct.ids.map((_, v) => direct.nodeAttributes.at(v));
    expect(objects).toEqual(direct.ids.map((id) => viaGraph.getNodeAttributes(id)));
  });

  it("a table in several row groups reads as one column per name, rows in order", async () => {
    const dir = folder();
    const ids = Array.from({ length: 10 }, (_, i) => `n${i}`);
    const capacity = ids.map((_, i) => (i % 3 === 0 ? null : i));
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: "id", data: ids, type: "STRING" },
        { name: "capacity", data: capacity, type: "DOUBLE" },
      ] as never,
      rowGroupSize: 4,
    });
    writeFileSync(join(dir, "nodes.parquet"), new Uint8Array(buffer));
    const t = await readParquetTable(join(dir, "nodes.parquet"));
    if ("code" in t) throw new Error(t.message);
    expect(t.rows).toBe(10);
    expect(Array.from(t.columns[0]!)).toEqual(ids);
    expect(Array.from(t.columns[1]!)).toEqual(capacity);
  });

  it("a *nodes.parquet path pairs with its *edges.parquet sibling", async () => {
    const dir = folder();
    writeFileSync(join(dir, "x-nodes.parquet"), table(NODES));
    writeFileSync(join(dir, "x-edges.parquet"), table(EDGES));
    const g = await readGraphFileAsync(join(dir, "x-nodes.parquet"));
    expect(g.order).toBe(3);
  });
});

describe("Parquet reader: bad files give typed errors naming the file", () => {
  it("not Parquet at all: E_PARSE naming the file", async () => {
    const dir = folder();
    writeFileSync(join(dir, "nodes.parquet"), "id,label\nx,y\n");
    writeFileSync(join(dir, "edges.parquet"), table(EDGES));
    const r = await checkParquetFile(dir);
    expect(codes(r)).toEqual(["E_PARSE"]);
    expect(r.problems[0]!.message).toContain("nodes.parquet");
    await expect(readGraphTableAsync(dir)).rejects.toMatchObject({ code: "E_PARSE", file: dir });
    await expect(readGraphTableAsync(dir)).rejects.toBeInstanceOf(GraphFileError);
  });

  it("a truncated file, an empty file, a missing edges table", async () => {
    const dir = folder();
    const bytes = table(NODES);
    writeFileSync(join(dir, "nodes.parquet"), bytes.subarray(0, bytes.length - 20));
    writeFileSync(join(dir, "edges.parquet"), "");
    expect(codes(await checkParquetFile(dir))).toEqual(["E_PARSE", "E_EMPTY_FILE"]);
    const lone = folder();
    writeFileSync(join(lone, "nodes.parquet"), table(NODES));
    const r = await checkParquetFile(lone);
    expect(codes(r)).toEqual(["E_IO"]);
    expect(r.problems[0]!.message).toContain("edges.parquet");
  });

  it("no id column; a nested column", async () => {
    const noId = tables(NODES.slice(1), EDGES);
    expect(codes(await checkParquetColumns(noId))).toEqual(["E_SCHEMA"]);
    const dir = folder();
    writeFileSync(join(dir, "nodes.parquet"), table(NODES));
    writeFileSync(
      join(dir, "edges.parquet"),
      new Uint8Array(
        parquetWriteBuffer({
          columnData: [
            ...EDGES.map(({ name, data }) => ({ name, data })),
            { name: "tags", data: [["a"], ["b", "c"]] },
          ] as never,
          schema: [
            { name: "root", num_children: 4 },
            { name: "source", type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "REQUIRED" },
            { name: "target", type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "REQUIRED" },
            { name: "volume", type: "DOUBLE", repetition_type: "REQUIRED" },
            { name: "tags", repetition_type: "OPTIONAL", num_children: 1, converted_type: "LIST" },
            { name: "list", repetition_type: "REPEATED", num_children: 1 },
            { name: "element", type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "OPTIONAL" },
          ],
        }),
      ),
    );
    const r = await checkParquetFile(dir);
    expect(codes(r)).toEqual(["E_SCHEMA"]);
    expect(r.problems[0]!.message).toMatch(/edges\.parquet.*tags/);
  });

  it("a bad value names the file, row and column (both readers)", async () => {
    const bad = NODES.map((c) =>
      c.name === "capacity" ? { ...c, type: "STRING" as const, data: ["100", "1,000", null] } : c,
    );
    const dir = tables(bad, EDGES, GRAPH);
    for (const r of [await checkParquetFile(dir), await checkParquetColumns(dir)]) {
      expect(codes(r)).toEqual(["E_TYPE"]);
      expect(r.problems[0]!.path).toBe("nodes.parquet row 2, column capacity");
    }
    const dangling = tables(NODES, [
      { name: "source", data: ["0012", "nowhere"], type: "STRING" },
      { name: "target", data: ["ref", "ref"], type: "STRING" },
    ]);
    const r = await checkParquetColumns(dangling);
    expect(codes(r)).toContain("E_DANGLING_EDGE");
    expect(r.problems.find((p) => p.code === "E_DANGLING_EDGE")!.path).toMatch(/^edges\.parquet row 2/);
  });

  it("a repeated edge: both readers give the same problem (the columns reader redoes its exact pass)", async () => {
    const dup = tables(NODES, [
      { name: "source", data: ["0012", "12", "0012"], type: "STRING" },
      { name: "target", data: ["ref", "ref", "ref"], type: "STRING" },
    ]);
    const viaGraph = await checkParquetFile(dup);
    const viaColumns = await checkParquetColumns(dup);
    expect(codes(viaGraph).length).toBeGreaterThan(0);
    expect(codes(viaColumns)).toEqual(codes(viaGraph));
    expect(viaColumns.problems.map((p) => p.path)).toEqual(viaGraph.problems.map((p) => p.path));
  });

  it("the synchronous readers refuse Parquet with a usage error, not a crash", () => {
    const dir = tables(NODES, EDGES, GRAPH);
    expect(() => readGraphTable(dir)).toThrow(expect.objectContaining({ code: "E_FORMAT" }));
  });
});

describe("Parquet writer: round trips", () => {
  it("JSON -> Parquet -> JSON keeps every node, edge and attribute of a rich graph", async () => {
    const g = richGraph();
    const dir = folder();
    writeGraphFile(g, join(dir, "out"), { to: "parquet" });
    const back = await readGraphFileAsync(join(dir, "out"));
    expect(contentOf(back)).toEqual(contentOf(g));
    expect(serializeGraphJson(back)).toBe(serializeGraphJson(g));
  });

  it("CSV -> Parquet -> CSV gives the same tables; Parquet -> JSON the same graph as CSV -> JSON", async () => {
    const g = richGraph();
    const csv = writeCsv(g);
    const fromCsv = checkCsvTables({
      nodes: { text: csv.nodes, name: "nodes.csv" },
      edges: { text: csv.edges, name: "edges.csv" },
      graph: { text: csv.graph, name: "graph.csv" },
    }).graph!;
    const dir = folder();
    const out = join(dir, "t");
    mkdirSync(out);
    const pq = writeParquet(fromCsv);
    for (const t of ["nodes", "edges", "graph"] as const) writeFileSync(join(out, `${t}.parquet`), pq[t]);
    const fromParquet = await readGraphFileAsync(out);
    expect(writeCsv(fromParquet)).toEqual(csv);
    expect(serializeGraphJson(fromParquet)).toBe(serializeGraphJson(parseGraph(serializeGraphJson(g))));
  });

  it("writes the edge ends dictionary-encoded, and the integer view reads them back as from JSON", async () => {
    const g = richGraph();
    const pq = writeParquet(g);
    const meta = parquetMetadata(
      pq.edges.buffer.slice(pq.edges.byteOffset, pq.edges.byteOffset + pq.edges.byteLength) as ArrayBuffer,
    );
    const encodings = Object.fromEntries(
      meta.row_groups[0]!.columns.map((c) => [c.meta_data!.path_in_schema[0], c.meta_data!.encodings]),
    );
    expect(encodings.source).toContain("RLE_DICTIONARY");
    expect(encodings.target).toContain("RLE_DICTIONARY");
    const dir = folder();
    for (const t of ["nodes", "edges", "graph"] as const) writeFileSync(join(dir, `${t}.parquet`), pq[t]);
    const view = await readGraphTableAsync(dir);
    expect(view.m).toBe(g.size);
    expect([...view.ids]).toEqual(g.nodes().sort());
  });

  it("refuses a non-finite number before writing anything", () => {
    const g = richGraph();
    g.setNodeAttribute("magnet-a", "tier", Number.POSITIVE_INFINITY);
    expect(() => writeParquet(g)).toThrow(expect.objectContaining({ code: "E_VALUE" }));
  });
});
