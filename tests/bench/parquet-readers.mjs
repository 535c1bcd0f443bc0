#!/usr/bin/env node
/**
 * Not part of `npm run bench`: the side-by-side decode of a 10^6-node Parquet table pair by each reader the issue
 * names, used to choose the reader (tests/bench/results/parquet-readers.md). It needs packages that chokepoint does
 * not depend on, so run it from a scratch folder that has them:
 *   mkdir /tmp/readers && cd /tmp/readers && npm init -y && npm install hyparquet parquet-wasm apache-arrow @duckdb/node-api
 *   cp <repo>/tests/bench/parquet-readers.mjs . && node parquet-readers.mjs <mode> <parquet folder>
 * Modes: hyparquet | parquet-wasm (Arrow IPC, then apache-arrow) | duckdb (all columns to JavaScript values) |
 * duckdb-join (DuckDB joins the edge ends to node row numbers itself; only integers reach JavaScript).
 * Prints one JSON line: wall and CPU seconds, peak RSS. Run each mode in its own process, interleaved.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
const [mode, dir] = process.argv.slice(2);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const c0 = cpu(),
  t0 = performance.now();
let info = {};
const files = ["nodes", "edges"].map((t) => `${dir}/${t}.parquet`);
if (mode === "hyparquet") {
  const { parquetMetadata, parquetRead } = await import("hyparquet");
  for (const f of files) {
    const b = readFileSync(f);
    const buf = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
    const md = parquetMetadata(buf);
    const cols = {};
    await parquetRead({
      file: buf,
      metadata: md,
      onChunk: (c) => {
        cols[c.columnName] = [...(cols[c.columnName] ?? []), c.columnData];
      },
    });
    info[f.split("/").pop()] = Object.keys(cols).length;
  }
} else if (mode === "parquet-wasm") {
  const pw = await import("parquet-wasm");
  const { tableFromIPC } = await import("apache-arrow");
  for (const f of files) {
    const t = pw.readParquet(new Uint8Array(readFileSync(f)), { batchSize: 1 << 22 });
    const table = tableFromIPC(t.intoIPCStream());
    const out = {};
    for (const field of table.schema.fields) {
      const v = table.getChild(field.name);
      out[field.name] = v.data.map((d) => [
        d.valueOffsets?.length,
        d.values?.length,
        d.dictionary ? "dict" : "",
      ]);
    }
    info[f.split("/").pop()] = {
      batches: table.batches.length,
      cols: Object.keys(out).length,
      id: out.id ?? out.source,
    };
  }
} else if (mode === "duckdb") {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const db = await DuckDBInstance.create(":memory:", { threads: "1" });
  const con = await db.connect();
  for (const f of files) {
    const r = await con.runAndReadAll(`SELECT * FROM read_parquet('${f}')`);
    const cols = r.getColumns();
    info[f.split("/").pop()] = [cols.length, cols[0].length];
  }
} else if (mode === "duckdb-join") {
  // DuckDB maps the ends to node row numbers itself (a hash join): ints only cross into JS
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const db = await DuckDBInstance.create(":memory:", { threads: "1" });
  const con = await db.connect();
  const r =
    await con.runAndReadAll(`WITH n AS (SELECT id, (row_number() OVER ()-1)::INTEGER AS i FROM read_parquet('${files[0]}')),
    e AS (SELECT source, target, (row_number() OVER ()-1)::INTEGER AS k FROM read_parquet('${files[1]}'))
    SELECT s.i AS si, t.i AS ti FROM e LEFT JOIN n s ON e.source = s.id LEFT JOIN n t ON e.target = t.id ORDER BY e.k`);
  info = { rows: r.currentRowCount };
}
const t1 = performance.now(),
  c1 = cpu();
console.log(
  JSON.stringify({
    mode,
    wall: (t1 - t0) / 1000,
    cpu: c1 - c0,
    peakMB: process.resourceUsage().maxRSS / 1024,
    info,
  }),
);
