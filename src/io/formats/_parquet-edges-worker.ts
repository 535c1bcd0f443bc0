/**
 * The worker thread that reads a Parquet graph's edges table while the calling thread reads its nodes table
 * (`_parquet-edges-thread.ts`). It decodes the columns as the load's fast path does (`edgeCodingWith`), with
 * each end kept as its text's number (`EndTexts`) until the caller sends the node ids' table; then it matches
 * the ends to node positions (`resolveEnds`) and sends the columns. Whatever it cannot read it leaves to the
 * caller (`{ inline: true }`), which reads the file itself and reports the problem exactly as without a
 * thread. It imports only hyparquet and the page readers, so it starts in tens of milliseconds.
 */
import { readFileSync, statSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { parquetMetadata, parquetSchema } from "hyparquet";
import { IdBytes, type IdBytesParts } from "../_id-bytes.js";
import { decodeParquetColumns } from "../_parquet-decode.js";
import { EndTexts, edgeCodingWith, isEndHeader, resolveEnds } from "../_parquet-edge-coding.js";
import type { EdgesReply, EdgesRequest } from "./_parquet-edges-thread.js";

type Decoded = Exclude<EdgesReply, { inline: true }> & { ends: EndTexts };

async function decode({ path, maxBytes }: EdgesRequest): Promise<Decoded | null> {
  const st = statSync(path);
  if (st.isDirectory() || st.size > maxBytes || st.size === 0) return null;
  const bytes = readFileSync(path);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const metadata = parquetMetadata(buffer);
  const header: string[] = [];
  for (const child of parquetSchema(metadata).children) {
    if (child.children.length > 0) return null;
    header.push(child.element.name);
  }
  const ends = new EndTexts();
  const decoded = await decodeParquetColumns(buffer, metadata, header, edgeCodingWith(ends.code));
  if (decoded.texts) return null; // not asked for: TextBytes would not survive the copy
  const coded = [...(decoded.coded ?? [])];
  return { rows: Number(metadata.num_rows), header, columns: decoded.columns, coded, ends };
}

/** The columns' own buffers, to move to the caller rather than copy (each once). */
function buffersOf(reply: EdgesReply): ArrayBuffer[] {
  if ("inline" in reply) return [];
  const buffers = new Set<ArrayBuffer>();
  for (const column of reply.columns)
    if (
      ArrayBuffer.isView(column) &&
      column.byteOffset === 0 &&
      column.byteLength === column.buffer.byteLength
    )
      buffers.add(column.buffer as ArrayBuffer);
  return [...buffers];
}

const decoding = decode(workerData as EdgesRequest).catch(() => null);
parentPort!.once("message", (parts: IdBytesParts) => {
  void decoding.then((read) => {
    let reply: EdgesReply = { inline: true };
    if (read) {
      const ids = IdBytes.of(parts);
      const endColumns = read.header.flatMap((h, c) =>
        read.coded.includes(h) && isEndHeader(h) ? [read.columns[c] as Int32Array] : [],
      );
      resolveEnds(endColumns, read.ends.list(), (b, from, to) => ids.positionOf(b, from, to));
      reply = { rows: read.rows, header: read.header, columns: read.columns, coded: read.coded };
    }
    parentPort!.postMessage(reply, buffersOf(reply));
  });
});
