/**
 * The worker thread that reads a Parquet graph's edges table while the calling thread reads its nodes table
 * (`_parquet-edges-thread.ts`). It decodes the columns as the load's fast path does (`edgeCodingWith`), with
 * each end kept as its text's number (`EndTexts`) until the caller sends the node ids' table; then it matches
 * the ends to node positions (`resolveEnds`) and sends the columns: the ends, lead times and volumes on
 * SharedArrayBuffers, so that with the ids' sorted order the caller sends next it builds the view's edge arrays
 * from them (`edgeListsOf`) while the caller checks them, and sends those too. Whatever it cannot read it leaves
 * to the caller (`{ inline: true }`), which reads the file itself and reports the problem exactly as without a
 * thread. It imports only hyparquet, the page readers and the edge lists' build, so it starts in tens of milliseconds.
 */
import { readFileSync, statSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { parquetMetadata, parquetSchema } from "hyparquet";
import { type EdgeLists, edgeListsOf, rankOf } from "../../model/_edge-lists.js";
import { IdBytes, type IdBytesParts } from "../_id-bytes.js";
import type { TextCode } from "../_parquet-text.js";
import { decodeParquetColumns } from "../_parquet-decode.js";
import { EndTexts, edgeCodingWith, isEndHeader, resolveEnds, viewColumnOf } from "../_parquet-edge-coding.js";
import type { EdgesReply, EdgesRequest, ToEdgesWorker } from "./_parquet-edges-thread.js";
import { EDGE_SOURCE, EDGE_TARGET, squash } from "./_table-headers.js";

type IdsMessage = Extract<ToEdgesWorker, { kind: "ids" }>;
type OrderMessage = Extract<ToEdgesWorker, { kind: "order" }>;

/** The decoded table; `ends` holds the ends' texts when they were read before the ids came (to match after). */
type Decoded = Exclude<EdgesReply, { inline: true }> & { ends: EndTexts | null };

async function decode({ path, maxBytes }: EdgesRequest): Promise<Decoded | null> {
  const st = statSync(path);
  if (st.isDirectory() || st.size > maxBytes || st.size === 0) return null;
  const bytes = readFileSync(path);
  // a large file's Buffer is its own ArrayBuffer: no copy (31 MB at 10^6 nodes, a tenth of a second here)
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  const buffer = (
    whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
  ) as ArrayBuffer;
  const metadata = parquetMetadata(buffer);
  const header: string[] = [];
  for (const child of parquetSchema(metadata).children) {
    if (child.children.length > 0) return null;
    header.push(child.element.name);
  }
  // The other columns first, then the ends: by then the ids' table has usually come (the caller sends it as
  // soon as it has read the id column), and each end is matched as it is decoded; else its text is kept and
  // matched once the table comes (`EndTexts`, `resolveEnds`): the same positions either way.
  const endHeaders = header.filter(isEndHeader);
  const otherHeaders = header.filter((h) => !isEndHeader(h));
  // (no end among them: the position coding is never called)
  const others = await decodeParquetColumns(buffer, metadata, otherHeaders, {
    ...edgeCodingWith(() => -1),
    shared: true,
  });
  await new Promise((next) => setImmediate(next)); // the ids' message, if it is in
  const table = idsNow ? IdBytes.of(idsNow) : null;
  const ends = table ? null : new EndTexts();
  const position: TextCode = table ? (b, from, to) => table.positionOf(b, from, to) : ends!.code;
  const endColumns = await decodeParquetColumns(buffer, metadata, endHeaders, {
    ...edgeCodingWith(position),
    shared: true,
  });
  if (others.texts || endColumns.texts) return null; // not asked for: TextBytes would not survive the copy
  const columns = header.map((h) =>
    isEndHeader(h) ? endColumns.columns[endHeaders.indexOf(h)]! : others.columns[otherHeaders.indexOf(h)]!,
  );
  const coded = header.filter((h) => others.coded?.has(h) || endColumns.coded?.has(h));
  return { rows: Number(metadata.num_rows), header, columns, coded, ends };
}

/**
 * The typed arrays' own buffers, to move to the caller rather than copy (each once). Shared ones are not moved:
 * both threads read them.
 */
function buffersOf(arrays: Iterable<unknown>): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const a of arrays)
    if (
      ArrayBuffer.isView(a) &&
      a.buffer instanceof ArrayBuffer &&
      a.byteOffset === 0 &&
      a.byteLength === a.buffer.byteLength
    )
      buffers.add(a.buffer);
  return [...buffers];
}

/**
 * The view's edge arrays from the matched columns for the ids' sorted `order` (`edgeListsOf`), or null when an
 * end is missing or unknown (no view is made: the caller's checks refuse the table for the fast path anyway).
 */
function edgeListsFrom(read: Decoded, order: Int32Array): EdgeLists | null {
  const { header, columns, coded, rows } = read;
  // the ends as the fast path's checks find them (`edgeLayout`: the first header of each kind)
  const endAt = (names: ReadonlySet<string>) => header.findIndex((h) => names.has(squash(h)));
  const s = endAt(EDGE_SOURCE);
  const t = endAt(EDGE_TARGET);
  if (s < 0 || t < 0 || !coded.includes(header[s]!) || !coded.includes(header[t]!)) return null;
  const source = columns[s] as Int32Array;
  const target = columns[t] as Int32Array;
  const n = order.length;
  for (let e = 0; e < rows; e++) {
    const si = source[e]!;
    const ti = target[e]!;
    if (si < 0 || ti < 0 || si >= n || ti >= n) return null;
  }
  const column = (name: string) => {
    const c = header.indexOf(name);
    return viewColumnOf(c < 0 ? undefined : columns[c], rows);
  };
  return edgeListsOf(n, source, target, rankOf(order), column("leadTimeDays"), column("volume"));
}

/** The messages from the caller, in order: the ids' table, then the sorted order (null: no view wanted). */
let idsArrived: (message: IdsMessage) => void = () => {};
let orderArrived: (message: OrderMessage) => void = () => {};
const ids = new Promise<IdsMessage>((resolve) => {
  idsArrived = resolve;
});
const order = new Promise<OrderMessage>((resolve) => {
  orderArrived = resolve;
});
/** The ids' table once its message is in (the decode looks before it reads the ends). */
let idsNow: IdBytesParts | null = null;
// one listener for both: a message that came while none was attached would be lost
parentPort!.on("message", (message: ToEdgesWorker) => {
  if (message.kind === "ids") {
    idsNow = message.parts;
    idsArrived(message);
  } else orderArrived(message);
});

async function answer(): Promise<void> {
  const read = await decode(workerData as EdgesRequest).catch(() => null);
  const { parts } = await ids;
  if (!read) {
    parentPort!.postMessage({ inline: true } satisfies EdgesReply);
    return;
  }
  if (read.ends) {
    const table = IdBytes.of(parts);
    const endColumns = read.header.flatMap((h, c) =>
      read.coded.includes(h) && isEndHeader(h) ? [read.columns[c] as Int32Array] : [],
    );
    resolveEnds(endColumns, read.ends.list(), (b, from, to) => table.positionOf(b, from, to));
  }
  // The ends, lead times and volumes are on SharedArrayBuffers (`shared`): the caller checks them while this
  // thread builds the view's edge arrays from them, in the ids' sorted order the caller sends next.
  const reply: EdgesReply = {
    rows: read.rows,
    header: read.header,
    columns: read.columns,
    coded: read.coded,
  };
  parentPort!.postMessage(reply, buffersOf(reply.columns));
  const sorted = (await order).order;
  if (!sorted) return; // no view wanted: the caller stops this thread
  const lists = sorted.length === parts.offsets.length - 1 ? edgeListsFrom(read, sorted) : null;
  parentPort!.postMessage(lists, lists ? buffersOf(Object.values(lists)) : []);
}

void answer();
