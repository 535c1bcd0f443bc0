import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parquetWriteBuffer } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { IdBytes } from "../../src/io/_id-bytes.js";
import { TextBytes } from "../../src/io/_parquet-bytes.js";
import { checkParquetNodes } from "../../src/io/_parquet-nodes.js";
import { checkParquetColumns } from "../../src/io/formats/parquet-files.js";
import { type ParquetTable, readParquetTable } from "../../src/io/formats/parquet.js";
import { checkSerializedGraph } from "../../src/model/graph-checks.js";
import type { NodeAttributeTable } from "../../src/model/_node-table.js";
import type { NodeAttributes } from "../../src/model/types.js";

const LIMITS = { maxIdLength: 512, maxLabelLength: 2000 };
const STAGES = new Set(["mine", "refinery", "magnet", "consumer"]);

/** Every node's object, in table order (made on first access). */
function objects(t: NodeAttributeTable): NodeAttributes[] {
  return Array.from({ length: t.length }, (_, v) => t.at(v));
}

function table(name: string, header: string[], columns: unknown[][]): ParquetTable {
  return { name, rows: columns[0]?.length ?? 0, header, columns };
}

describe("Parquet nodes read column-wise", () => {
  it("builds each node's attributes once, in the schema's key order, lists and recipes per node", () => {
    const nodes = table(
      "nodes.parquet",
      ["id", "sources", "recipe", "stage", "label", "country", "capacity", "output", "demand"],
      [
        ["m", "r", "c"],
        ["USGS;IEA", "USGS;IEA", "USGS;IEA"],
        [null, "ore:1.5", null],
        ["mine", "refinery", "consumer"],
        ["Mine", "Refinery", "Buyer"],
        ["CN", "MY", "JP"],
        [100, 40, null],
        ["ore", "oxide", ""],
        [null, null, 7],
      ],
    );
    const r = checkParquetNodes(nodes, STAGES, LIMITS)!;
    expect(r.ids).toEqual(["m", "r", "c"]);
    const shared = r.nodeAttributes.value(1, "recipe"); // before any object: the column's own record
    expect([...r.positions!]).toEqual([
      ["m", 0],
      ["r", 1],
      ["c", 2],
    ]);
    // with the ids' bytes: no Map, the rows in the order of their ids (c < m < r)
    const byBytes = checkParquetNodes(nodes, STAGES, LIMITS, new IdBytes(["m", "r", "c"]))!;
    expect(byBytes.positions).toBeUndefined();
    expect(Array.from(byBytes.order!)).toEqual([2, 0, 1]);
    expect(objects(byBytes.nodeAttributes)).toEqual(objects(r.nodeAttributes));
    // a repeated id (by its bytes) leaves the fast path
    expect(checkParquetNodes(nodes, STAGES, LIMITS, new IdBytes(["m", "r", "m"]))).toBeNull();
    const made = objects(r.nodeAttributes);
    expect(made).toEqual([
      { label: "Mine", stage: "mine", country: "CN", capacity: 100, output: "ore", sources: ["USGS", "IEA"] },
      {
        label: "Refinery",
        stage: "refinery",
        country: "MY",
        capacity: 40,
        output: "oxide",
        recipe: { ore: 1.5 },
        sources: ["USGS", "IEA"],
      },
      { label: "Buyer", stage: "consumer", country: "JP", demand: 7, sources: ["USGS", "IEA"] },
    ]);
    // the schema's order (label, stage, country, ...), whatever the column order
    expect(Object.keys(made[1]!)).toEqual([
      "label",
      "stage",
      "country",
      "capacity",
      "output",
      "recipe",
      "sources",
    ]);
    // one list per node: editing one node's sources leaves the others alone
    expect(made[0]!.sources).not.toBe(made[1]!.sources);
    expect(made[1]!.recipe).not.toBe(shared);
    expect(made[1]!.recipe).toEqual(shared);
    // made once: the same object on every access; `value` reads what the object holds, without making it
    expect(r.nodeAttributes.at(1)).toBe(made[1]);
    for (let v = 0; v < 3; v++)
      for (const key of ["label", "capacity", "output", "recipe", "demand", "sources", "status"] as const)
        expect(r.nodeAttributes.value(v, key)).toEqual(made[v]![key]);
    // every object made: the columns are let go, and the objects answer `value`, the same values
    const permuted = r.nodeAttributes.permuted(Int32Array.from([2, 0, 1]));
    expect(objects(permuted)).toEqual([made[2], made[0], made[1]]);
    expect(permuted.at(0)).toBe(made[2]);
    for (let v = 0; v < 3; v++) expect(r.nodeAttributes.value(v, "recipe")).toBe(made[v]!.recipe);
  });

  it("declines anything the row path must report (then the row path answers)", () => {
    const good = {
      id: ["a", "b"],
      label: ["A", "B"],
      stage: ["mine", "refinery"],
      country: ["CN", "US"],
      capacity: [1, 2] as unknown[],
    };
    const nodes = (edit: Record<string, unknown[]>) => {
      const cols: Record<string, unknown[]> = { ...good, ...edit };
      return table("nodes.parquet", Object.keys(cols), Object.values(cols));
    };
    expect(checkParquetNodes(nodes({}), STAGES, LIMITS)).not.toBeNull();
    const declined: Array<Record<string, unknown[]>> = [
      { id: ["a", "a"] }, // repeated id
      { id: ["a", ""] }, // no id
      { id: ["a", "__proto__"] }, // reserved
      { id: ["a", "x->y"] }, // makes default edge keys ambiguous
      { id: ["a", "b".repeat(600)] }, // over the id limit
      { label: ["A", null] }, // label from the id, with a warning
      { label: ["A", "L".repeat(2001)] },
      { country: ["CN", "XX"] },
      { country: ["CN", null] },
      { stage: ["mine", "smelter"] },
      { capacity: [1, -1] },
      { capacity: [1, "2"] }, // text in a number column: the row path types it as CSV does
      { capacity: [1, Number.NaN] },
      { status: ["operating", "bogus"] },
      { since: [2001, 2001.5] },
      { lat: [0, 91] },
      { stock: [1, null], demand: [1, null] },
      { recipe: ["ore:0", null] },
      { recipe: ["ore", null] },
      { recipe: ["__proto__:1", null] },
      { sources: [";", null] },
      { colour: ["red", "blue"] },
      { "capacity:number": [1, 2] },
    ];
    for (const edit of declined)
      expect(checkParquetNodes(nodes(edit), STAGES, LIMITS), JSON.stringify(edit).slice(0, 60)).toBeNull();
    expect(checkParquetNodes(nodes({}), new Set(), LIMITS)).toBeNull(); // stages not declared
  });

  it("ids and labels kept as bytes: the same checks, labels made when a node is asked for", () => {
    const bytesOf = (texts: Array<string | null>): TextBytes => {
      const encoded = texts.map((t) => new TextEncoder().encode(t ?? ""));
      const offsets = new Int32Array(texts.length + 1);
      encoded.forEach((b, r) => {
        offsets[r + 1] = offsets[r]! + b.length;
      });
      const bytes = new Uint8Array(offsets[texts.length]!);
      encoded.forEach((b, r) => bytes.set(b, offsets[r]!));
      const nulls = texts.some((t) => t === null)
        ? Uint8Array.from(texts, (t) => (t === null ? 1 : 0))
        : null;
      return new TextBytes(bytes, offsets, nulls);
    };
    const limits = { maxIdLength: 512, maxLabelLength: 4 };
    const nodes = (labels: Array<string | null>): ParquetTable => ({
      ...table(
        "nodes.parquet",
        ["id", "label", "stage", "country"],
        [[], [], ["mine", "mine"], ["CN", "CN"]],
      ),
      rows: 2,
      texts: new Map([
        [0, bytesOf(["b", "a"])],
        [1, bytesOf(labels)],
      ]),
    });
    // 4 characters in 12 bytes: within the limit of 4 characters
    const r = checkParquetNodes(nodes(["包头稀土", "Mine"]), STAGES, limits)!;
    expect(r.ids).toEqual(["b", "a"]);
    expect(objects(r.nodeAttributes).map((a) => a.label)).toEqual(["包头稀土", "Mine"]);
    expect(r.nodeAttributes.value(1, "label")).toBe("Mine");
    // what the strings would decline, the bytes decline: over the limit, empty, null, and a lone byte order
    // mark (decoding drops it: an empty label)
    for (const labels of [
      ["Mines", "A"],
      ["", "A"],
      [null, "A"],
      ["\uFEFF", "A"],
    ])
      expect(checkParquetNodes(nodes(labels), STAGES, limits), JSON.stringify(labels)).toBeNull();
  });

  it("bad nodes: the same error codes as the same graph in JSON", async () => {
    type Row = Record<string, unknown>;
    const base: Row[] = [
      { id: "m", label: "Mine", stage: "mine", country: "CN", capacity: 10, output: "ore" },
      { id: "r", label: "Refinery", stage: "refinery", country: "MY", capacity: 5 },
    ];
    const cases: Array<(rows: Row[]) => void> = [
      (rows) => {
        rows[1]!.id = "m";
      },
      (rows) => {
        rows[1]!.country = "XX";
      },
      (rows) => {
        rows[1]!.stage = "smelter";
      },
      (rows) => {
        rows[1]!.capacity = -3;
      },
      (rows) => {
        rows[0]!.status = "bogus";
      },
      (rows) => {
        rows[0]!.stock = 3;
        rows[0]!.demand = 2;
      },
      (rows) => {
        rows[1]!.id = "__proto__";
      },
      (rows) => {
        rows[1]!.recipe = { constructor: 2 };
      },
    ];
    for (const edit of cases) {
      const rows = base.map((r) => ({ ...r }));
      edit(rows);
      const json = checkSerializedGraph({
        attributes: { stages: ["mine", "refinery"] },
        nodes: rows.map(({ id, ...attributes }) => ({ key: id, attributes })),
        edges: [],
      });
      const dir = await parquetFolder(rows);
      const pq = await checkParquetColumns(dir);
      const codes = (ps: Array<{ code: string }>) => ps.map((p) => p.code).sort();
      expect(codes(json.problems).length).toBeGreaterThan(0);
      expect(codes(pq.problems)).toEqual(codes(json.problems));
      expect(pq.columns).toBeNull();
    }
  });
});

/** Rows as a Parquet graph folder (nodes, an empty edges table, stages mine;refinery). */
async function parquetFolder(rows: Array<Record<string, unknown>>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "chokepoint-parquet-nodes-"));
  const names = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const columnData = names.map((name) => {
    // a recipe as the CSV text `material:amount;...`
    const cell = (v: unknown) =>
      name === "recipe" && v !== null && typeof v === "object"
        ? Object.entries(v)
            .map(([m, a]) => `${m}:${a}`)
            .join(";")
        : v;
    const data = rows.map((r) => cell(r[name] ?? null));
    const type = data.every((v) => v === null || typeof v === "number") ? "DOUBLE" : "STRING";
    return { name, data, type };
  });
  const write = (file: string, columns: unknown[]) =>
    writeFileSync(join(dir, file), new Uint8Array(parquetWriteBuffer({ columnData: columns as never })));
  write("nodes.parquet", columnData);
  write("edges.parquet", [
    { name: "source", data: [], type: "STRING" },
    { name: "target", data: [], type: "STRING" },
  ]);
  write("graph.parquet", [
    { name: "attribute", data: ["stages"], type: "STRING" },
    { name: "value", data: ["mine;refinery"], type: "STRING" },
  ]);
  const check = await readParquetTable(join(dir, "nodes.parquet"));
  if ("code" in check) throw new Error(check.message);
  return dir;
}
