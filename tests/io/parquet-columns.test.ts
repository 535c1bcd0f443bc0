import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../_helpers/seeded-random.js";
import { plainCsr } from "../_helpers/plain-csr.js";
import { IdBytes } from "../../src/io/_id-bytes.js";
import { checkParquetColumnsFast, edgeCoding, type ParquetTables } from "../../src/io/_parquet-columns.js";
import { checkParquetColumns, readParquetTables } from "../../src/io/formats/parquet-files.js";
import { finishImportColumns } from "../../src/io/formats/_import.js";
import { importParquetTables, readParquetTable } from "../../src/io/formats/parquet.js";
import { writeParquet } from "../../src/io/formats/parquet-write.js";
import { parseGraph } from "../../src/io/parse-graph.js";
import { readGraphTable, readGraphTableAsync } from "../../src/io/read-graph-table.js";
import { syntheticGraphJson } from "../../src/generate/synthetic-graph-json.js";
import { syntheticNetwork } from "../../src/generate/synthetic-network.js";
import { type Csr, csrFromColumns } from "../../src/model/csr.js";

/** A generated graph as a JSON file and as a Parquet folder (written by our writer from the same graph). */
function generated(nodes: number, seed: number): { json: string; parquet: string } {
  const dir = mkdtempSync(join(tmpdir(), "chokepoint-parquet-columns-"));
  const json = join(dir, "graph.json");
  const text = [...syntheticGraphJson(syntheticNetwork({ nodes, seed }))].join("");
  writeFileSync(json, text);
  const out = writeParquet(parseGraph(text));
  return { json, parquet: writeTables(out, dir) };
}

function writeTables(out: ReturnType<typeof writeParquet>, dir: string): string {
  const pq = mkdtempSync(join(dir, "pq-"));
  writeFileSync(join(pq, "nodes.parquet"), out.nodes);
  writeFileSync(join(pq, "edges.parquet"), out.edges);
  writeFileSync(join(pq, "graph.parquet"), out.graph);
  return pq;
}

/** The tables as the load reads them (the edge ends and texts as codes). */
async function tablesOf(dir: string): Promise<ParquetTables> {
  const tables = await readParquetTables(dir, {}, true);
  if ("problems" in tables) throw new Error(tables.problems[0]!.message);
  return tables;
}

/** The tables with every column as text (as the row path reads them). */
async function textTablesOf(dir: string): Promise<ParquetTables> {
  const tables = await readParquetTables(dir, {});
  if ("problems" in tables) throw new Error(tables.problems[0]!.message);
  return tables;
}

/** The view the row path builds from the tables (read as text). */
function rowPathView(tables: ParquetTables): Csr {
  const rows = importParquetTables(tables);
  if ("problems" in rows) throw new Error("unexpected import problems");
  const slow = finishImportColumns(rows.imported, rows.locate, {});
  return csrFromColumns(slow.columns!);
}

const plain = plainCsr;

describe("Parquet edges read column-wise", () => {
  it("a generated graph: the column-wise view equals the one built from the same graph's JSON", async () => {
    for (const [nodes, seed] of [
      [200, 1],
      [1500, 7],
    ] as const) {
      const { json, parquet } = generated(nodes, seed);
      // the fast path answers for these graphs (else this test would compare the row path with itself)
      expect(checkParquetColumnsFast(await tablesOf(parquet), {})).not.toBeNull();
      const fromParquet = await readGraphTableAsync(parquet);
      const fromJson = readGraphTable(json);
      expect(fromParquet.m).toBeGreaterThan(nodes);
      expect(plain(fromParquet)).toEqual(plain(fromJson));
    }
  });

  it("DuckDB's tables (version-1 pages, plain and dictionary ends, nullable columns, row groups) read as the JSON does", async () => {
    const dir = fileURLToPath(new URL("../fixtures/interop/duckdb-parquet", import.meta.url));
    const { json } = generated(300, 8);
    expect(checkParquetColumnsFast(await tablesOf(dir), {})).not.toBeNull();
    const fromDuckDb = await readGraphTableAsync(dir);
    expect(fromDuckDb.m).toBe(1115);
    expect(plain(fromDuckDb)).toEqual(plain(readGraphTable(json)));
    // and the row path (every column as text, through hyparquet's reader for the rest) gives the same view
    expect(plain(rowPathView(await textTablesOf(dir)))).toEqual(plain(fromDuckDb));
  });

  it("renamed ids and shuffled rows: the view read from Parquet equals the one read from the JSON (property)", async () => {
    type Entry = { key?: string; source?: string; target?: string };
    const text = [...syntheticGraphJson(syntheticNetwork({ nodes: 150, seed: 9 }))].join("");
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 30 }), async (seed) => {
        const random = seededRandom(seed);
        const shuffle = <T>(list: T[]) => {
          for (let i = list.length - 1; i > 0; i--) {
            const j = Math.floor(random() * (i + 1));
            [list[i], list[j]] = [list[j]!, list[i]!];
          }
        };
        const file = JSON.parse(text) as { nodes: Entry[]; edges: Entry[] };
        // new ids of other lengths and another sort order (the view numbers nodes by sorted id)
        const rename = new Map(file.nodes.map((n) => [n.key!, `${Math.floor(random() * 1e6)}:${n.key}`]));
        for (const n of file.nodes) n.key = rename.get(n.key!)!;
        for (const e of file.edges) {
          e.source = rename.get(e.source!)!;
          e.target = rename.get(e.target!)!;
        }
        shuffle(file.nodes);
        shuffle(file.edges);
        const dir = mkdtempSync(join(tmpdir(), "chokepoint-parquet-shuffled-"));
        const json = join(dir, "graph.json");
        const shuffled = JSON.stringify(file);
        writeFileSync(json, shuffled);
        const parquet = writeTables(writeParquet(parseGraph(shuffled)), dir);
        expect(checkParquetColumnsFast(await tablesOf(parquet), {})).not.toBeNull();
        expect(plain(await readGraphTableAsync(parquet))).toEqual(plain(readGraphTable(json)));
      }),
      { numRuns: 6 },
    );
  });

  it("edge ends read as node positions from their bytes give the view the row path gives from their text", async () => {
    const { parquet } = generated(300, 4);
    const text = await textTablesOf(parquet);
    const ids = text.nodes.columns[text.nodes.header.indexOf("id")] as string[];
    const coded = await readParquetTable(
      join(parquet, "edges.parquet"),
      {},
      edgeCoding(new IdBytes(Array.from(ids))),
    );
    if ("code" in coded) throw new Error(coded.message);
    expect([...coded.coded!]).toEqual(["source", "target", "sources"]);
    const source = coded.columns[coded.header.indexOf("source")]!;
    const textSource = text.edges.columns[text.edges.header.indexOf("source")]!;
    expect(Array.from(source, (p) => ids[p as number])).toEqual(Array.from(textSource));
    const fast = checkParquetColumnsFast(await tablesOf(parquet), {});
    expect(fast).not.toBeNull();
    expect(plain(csrFromColumns(fast!.columns!))).toEqual(plain(rowPathView(text)));
  });

  it("edges with a problem take the row path (dangling end, self-loop, repeat, a bad sources text)", async () => {
    const { parquet } = generated(200, 3);
    const tables = await tablesOf(parquet);
    const at = (h: string) => tables.edges.header.indexOf(h);
    const withCodes = (edit: (source: Int32Array, target: Int32Array, sources: Int32Array) => void) => {
      const columns = tables.edges.columns.map((c) => (c as Int32Array).slice());
      edit(
        columns[at("source")] as Int32Array,
        columns[at("target")] as Int32Array,
        columns[at("sources")] as Int32Array,
      );
      return { ...tables, edges: { ...tables.edges, columns } };
    };
    expect(
      checkParquetColumnsFast(
        withCodes(() => undefined),
        {},
      ),
    ).not.toBeNull();
    const broken: Array<(source: Int32Array, target: Int32Array, sources: Int32Array) => void> = [
      (source) => {
        source[5] = -1; // an unknown id (or a null end)
      },
      (source, target) => {
        target[7] = source[7]!;
      },
      (source, target) => {
        source[9] = source[8]!;
        target[9] = target[8]!;
      },
      (_s, _t, sources) => {
        sources[4] = -2;
      },
    ];
    for (const edit of broken) expect(checkParquetColumnsFast(withCodes(edit), {})).toBeNull();
    // text ends (not read as codes) take the row path too
    expect(checkParquetColumnsFast(await textTablesOf(parquet), {})).toBeNull();
  });

  it("warnings of the cross-node rules (outflow over capacity) are those of the row path, in order", async () => {
    const { parquet } = generated(300, 11);
    const tables = await tablesOf(parquet);
    const at = tables.nodes.header.indexOf("capacity");
    const columns = tables.nodes.columns.slice();
    columns[at] = Array.from(columns[at]! as Array<number | null>, (c) => (c === null ? null : 1));
    const small: ParquetTables = { ...tables, nodes: { ...tables.nodes, columns } };
    const fast = checkParquetColumnsFast(small, {});
    expect(fast).not.toBeNull();
    const rows = importParquetTables({ ...(await textTablesOf(parquet)), nodes: small.nodes });
    if ("problems" in rows) throw new Error("unexpected import problems");
    const slow = finishImportColumns(rows.imported, rows.locate, {});
    const outflow = fast!.problems.filter((p) => p.code === "W_OUTFLOW_OVER_CAPACITY");
    expect(outflow.length).toBeGreaterThan(0);
    expect(outflow[0]!.path).toMatch(/^nodes\.parquet row \d+, column capacity$/);
    expect(fast!.problems).toEqual(slow.problems);
    expect(plain(csrFromColumns(fast!.columns!))).toEqual(plain(csrFromColumns(slow.columns!)));
  });

  it("an unknown edge column or a bad value takes the row path, which names the row and column", async () => {
    const { parquet } = generated(200, 5);
    const tables = await tablesOf(parquet);
    const volume = tables.edges.header.indexOf("volume");
    const bad = Array.from(tables.edges.columns[volume]! as number[]);
    bad[3] = -1;
    const columns = tables.edges.columns.slice();
    columns[volume] = bad;
    expect(checkParquetColumnsFast({ ...tables, edges: { ...tables.edges, columns } }, {})).toBeNull();
    // the same in a REQUIRED DOUBLE column as read (a Float64Array, used as it is when every value passes)
    expect(tables.edges.columns[volume]).toBeInstanceOf(Float64Array);
    for (const wrong of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const typed = Float64Array.from(tables.edges.columns[volume] as Float64Array);
      typed[3] = wrong;
      const withTyped = tables.edges.columns.slice();
      withTyped[volume] = typed;
      expect(
        checkParquetColumnsFast({ ...tables, edges: { ...tables.edges, columns: withTyped } }, {}),
      ).toBeNull();
    }
    const extra = {
      ...tables.edges,
      header: [...tables.edges.header, "colour"],
      columns: [...tables.edges.columns, bad],
    };
    expect(checkParquetColumnsFast({ ...tables, edges: extra }, {})).toBeNull();
    const r = await checkParquetColumns(parquet);
    expect(r.problems.filter((p) => p.severity === "error")).toEqual([]);
  });
});
