import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { parquetMetadata, parquetRead } from "hyparquet";
import { parquetWriteBuffer } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { IdBytes } from "../../src/io/_id-bytes.js";
import { isFlatDouble, readDoubles } from "../../src/io/_parquet-numbers.js";
import { readTextBytes } from "../../src/io/_parquet-bytes.js";
import { isStringColumn, NULL_CODE, readTextCodes, readTextStrings } from "../../src/io/_parquet-text.js";
import { readParquetTable } from "../../src/io/formats/parquet.js";

type Column = { name: string; data: unknown[]; type: string; encoding?: string; nullable?: boolean };

function write(
  columns: Column[],
  options: { rowGroupSize?: number; pageSize?: number; codec?: string } = {},
) {
  return parquetWriteBuffer({ columnData: columns, ...options } as never);
}

/** Every column as hyparquet's own reader gives it. */
async function hyparquetColumns(buffer: ArrayBuffer, names: string[]): Promise<unknown[][]> {
  const out = names.map(() => [] as unknown[]);
  await parquetRead({
    file: buffer,
    columns: names,
    onChunk: (c) => {
      const at = names.indexOf(c.columnName);
      for (let i = 0; i < c.columnData.length; i++) out[at]![c.rowStart + i] = c.columnData[i];
    },
  });
  return out;
}

const text = fc.oneof(
  fc.constantFrom("", "a", "mi12", "包头", "\uFEFFbom", "x->y", "Ñandú"),
  fc.string({ unit: "grapheme", maxLength: 8 }),
);

describe("Parquet columns read page by page", () => {
  it("text and DOUBLE columns read as hyparquet reads them: nulls, dictionaries, row groups, pages, encodings (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 300 }),
        fc.array(fc.option(text, { nil: null }), { minLength: 300, maxLength: 300 }),
        fc.array(fc.option(fc.double({ noNaN: true }), { nil: null }), { minLength: 300, maxLength: 300 }),
        fc.constantFrom(undefined, "RLE_DICTIONARY", "PLAIN", "DELTA_LENGTH_BYTE_ARRAY", "DELTA_BYTE_ARRAY"),
        fc.constantFrom(undefined, "RLE_DICTIONARY", "PLAIN", "BYTE_STREAM_SPLIT"),
        fc.record({
          rowGroupSize: fc.integer({ min: 1, max: 400 }),
          pageSize: fc.constantFrom(64, 1024, 1 << 20),
          codec: fc.constantFrom("SNAPPY", "UNCOMPRESSED"),
        }),
        fc.boolean(),
        async (rows, texts, numbers, textEncoding, numberEncoding, options, few) => {
          // few distinct texts make the writer choose a dictionary
          const t = texts.slice(0, rows).map((v, i) => (few && v !== null ? `k${i % 3}` : v));
          const d = numbers.slice(0, rows);
          const dense = d.map((v) => v ?? 0);
          const columns: Column[] = [
            { name: "t", data: t, type: "STRING", ...(textEncoding ? { encoding: textEncoding } : {}) },
            { name: "d", data: d, type: "DOUBLE", ...(numberEncoding ? { encoding: numberEncoding } : {}) },
            { name: "r", data: dense, type: "DOUBLE", nullable: false },
          ];
          const buffer = write(columns, options);
          const metadata = parquetMetadata(buffer);
          expect(isStringColumn(metadata, "t")).toBe(true);
          expect(isFlatDouble(metadata, "d") && isFlatDouble(metadata, "r")).toBe(true);
          const [ht, hd, hr] = await hyparquetColumns(buffer, ["t", "d", "r"]);
          expect(readTextStrings(buffer, metadata, "t")).toEqual(ht);
          // kept as bytes, the same strings when asked for, row by row
          const kept = readTextBytes(buffer, metadata, "t");
          expect(kept.allStrings()).toEqual(ht);
          expect(Array.from({ length: kept.rows }, (_, r) => kept.string(r))).toEqual(ht);
          expect(readDoubles(buffer, metadata, "d")).toEqual(hd);
          const required = readDoubles(buffer, metadata, "r");
          expect(required).toBeInstanceOf(Float64Array);
          expect(Array.from(required)).toEqual(Array.from(hr!));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("DuckDB's tables (version-1 pages, PLAIN_DICTIONARY and PLAIN, nullable columns) read as hyparquet reads them", async () => {
    const dir = fileURLToPath(new URL("../fixtures/interop/duckdb-parquet", import.meta.url));
    for (const table of ["nodes", "edges", "graph"]) {
      const bytes = readFileSync(join(dir, `${table}.parquet`));
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      const metadata = parquetMetadata(buffer);
      const names = metadata.schema.slice(1).map((e) => e.name);
      const theirs = await hyparquetColumns(buffer, names);
      let read = 0;
      names.forEach((name, c) => {
        if (isStringColumn(metadata, name)) {
          expect(readTextStrings(buffer, metadata, name)).toEqual(theirs[c]);
          expect(readTextBytes(buffer, metadata, name).allStrings()).toEqual(theirs[c]);
        } else if (isFlatDouble(metadata, name))
          expect(readDoubles(buffer, metadata, name)).toEqual(theirs[c]);
        else return;
        read++;
      });
      expect(read).toBe(names.length);
    }
  });

  it("text codes: each row gets the code of its text (once per dictionary entry), NULL_CODE for a null", () => {
    const ids = ["a", "b", "包头"];
    const index = new IdBytes(ids);
    const ends = ["b", "a", null, "包头", "nowhere", "b", "b"];
    for (const encoding of ["RLE_DICTIONARY", "PLAIN"]) {
      const buffer = write([{ name: "e", data: ends, type: "STRING", encoding }], {
        rowGroupSize: 4,
      });
      let calls = 0;
      const codes = readTextCodes(buffer, parquetMetadata(buffer), "e", (bytes, from, to) => {
        calls++;
        return index.positionOf(bytes, from, to);
      });
      expect(Array.from(codes)).toEqual([1, 0, NULL_CODE, 2, -1, 1, 1]);
      // a dictionary per row group codes each distinct text of the group once; a plain page every cell
      expect(calls).toBe(encoding === "PLAIN" ? 6 : 3 + 2);
    }
  });

  it("a broken page (a dictionary index beyond the dictionary) is E_PARSE naming the file, column and row", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-parquet-pages-"));
    const data = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? "x" : "y"));
    const bytes = new Uint8Array(
      write([{ name: "source", data, type: "STRING" }], { codec: "UNCOMPRESSED" }),
    );
    // the data page's indices 0,1,0,1,...: a bit width of 1, a bit-packed run header (odd), then 0b10101010
    // bytes; a width of 8 makes them indices beyond the dictionary's 2 entries (or reads past the page)
    const metadata = parquetMetadata(bytes.buffer as ArrayBuffer);
    const start = Number(metadata.row_groups[0]!.columns[0]!.meta_data!.data_page_offset);
    let patched = 0;
    for (let k = start; k < bytes.length - 2 && patched === 0; k++)
      if (bytes[k] === 1 && (bytes[k + 1]! & 1) === 1 && bytes[k + 2] === 0b10101010) {
        bytes[k] = 8;
        patched = k;
      }
    expect(patched).toBeGreaterThan(0);
    writeFileSync(join(dir, "edges.parquet"), bytes);
    const index = new IdBytes(["x", "y"]);
    const table = await readParquetTable(
      join(dir, "edges.parquet"),
      {},
      {
        codeOf: () => (b, from, to) => index.positionOf(b, from, to),
      },
    );
    expect("code" in table && table.code).toBe("E_PARSE");
    expect("code" in table && table.path).toBe("edges.parquet");
    expect("code" in table && table.message).toMatch(/column source/);
  });
});
