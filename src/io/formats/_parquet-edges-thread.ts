/**
 * Read a Parquet graph's edges table on a worker thread (`_parquet-edges-worker.ts`) while this thread reads the
 * nodes table: at 10^6 nodes and 3.66 million edges the edges' decode and the matching of their ends to nodes
 * took a third of the load, and the nodes' decode about as much. The worker decodes the edges as soon as it
 * starts, keeping each end as its text's number (`EndTexts`); once this thread has read the ids it sends their
 * table (`resolve`), the worker matches the ends (`resolveEnds`) and sends the columns, exactly those of a read
 * on this thread (a test compares them). Small tables are read here: a worker costs more than they take.
 */
import { Worker } from "node:worker_threads";
import type { EdgeLists } from "../../model/_edge-lists.js";
import type { IdBytes, IdBytesParts } from "../_id-bytes.js";
import type { DecodedColumns } from "../_parquet-decode.js";

/** Edges tables from this size (bytes) are read on a worker thread by default. */
export const EDGES_THREAD_BYTES = 4 << 20;

/** What the worker is asked to read. */
export interface EdgesRequest {
  path: string;
  maxBytes: number;
}

/** The messages to the worker, in this order: the ids' table, then their sorted order (null: no view). */
export type ToEdgesWorker =
  | { kind: "ids"; parts: IdBytesParts }
  | { kind: "order"; order: Int32Array | null };

/** The worker's first answer: the decoded columns, or `inline` when the caller must read the file itself. */
export type EdgesReply =
  | { inline: true }
  | { rows: number; header: string[]; columns: ArrayLike<unknown>[]; coded: string[] };

/** An edges table being read on a worker thread. */
export interface EdgesOnThread {
  /**
   * The table's columns with each end as the position of its node in `ids` (as `decodeParquetColumns` with
   * `edgeCoding(ids)` gives them), or null when the table must be read on this thread (the worker could not
   * start or run, or the file is one it leaves to the caller: any problem is then reported by the caller's
   * own read, as without a thread). `order` is called once the ids are sent (the worker matches the ends
   * meanwhile): the ids' sorted order to build the view's edges in (`edgeLists`), or null for none. Never rejects.
   */
  resolve(
    ids: IdBytes,
    order: () => Int32Array | null,
  ): Promise<(DecodedColumns & { rows: number; header: string[] }) | null>;
  /**
   * After `resolve`: the view's edge arrays for the ids' sorted order that `resolve`'s `order` gave
   * (`edgeListsOf`, built on the worker from the same columns while this thread checks them), or null when the
   * worker made none (no order, an end missing or unknown, the worker gone). The worker stops then. Never
   * rejects.
   */
  edgeLists(): Promise<EdgeLists | null>;
  /** Stop the worker (the table is read on this thread instead, or its view is not wanted). */
  cancel(): void;
}

/** The worker's module: the built one when this runs from source (tests), as for the flow's knockout workers. */
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith(".ts")
    ? new URL("../../../dist/src/io/formats/_parquet-edges-worker.js", here)
    : new URL("./_parquet-edges-worker.js", here);
}

/**
 * The worker's messages in the order they came, each to the next caller of `next` (null once the worker failed
 * or exited). One listener for all of them: a message that came while none was attached would be lost. The
 * worker keeps the process alive only while a message is awaited.
 */
function inboxOf(worker: Worker): { next<T>(): Promise<T | null> } {
  const queue: unknown[] = [];
  const waiting: Array<(message: unknown) => void> = [];
  let ended = false;
  const deliver = () => {
    while (waiting.length > 0 && (queue.length > 0 || ended))
      waiting.shift()!(queue.length > 0 ? queue.shift() : null);
    if (waiting.length === 0) worker.unref();
  };
  const end = () => {
    ended = true;
    deliver();
  };
  worker.on("message", (message: unknown) => {
    queue.push(message);
    deliver();
  });
  worker.on("error", end);
  worker.on("exit", end);
  return {
    next<T>() {
      return new Promise<T | null>((resolve) => {
        waiting.push(resolve as (message: unknown) => void);
        worker.ref();
        deliver();
      });
    },
  };
}

/** Start reading the edges table at `request.path` on a worker thread (see `EdgesOnThread`). */
export function readEdgesOnThread(request: EdgesRequest): EdgesOnThread {
  let worker: Worker | null = null;
  let inbox: ReturnType<typeof inboxOf> | null = null;
  try {
    worker = new Worker(workerUrl(), { workerData: request });
    // It keeps the process alive only while an answer is awaited (`inboxOf`): a read abandoned before that (an
    // exception on this thread) leaves no worker holding the process open.
    worker.unref();
    inbox = inboxOf(worker);
  } catch {
    worker = null;
  }
  let stopped = false;
  const stop = () => {
    stopped = true;
    void worker?.terminate();
  };
  let columnsAnswered: Promise<boolean> | null = null;
  let lists: Promise<EdgeLists | null> | null = null;
  return {
    async resolve(ids, order) {
      if (!worker || !inbox || stopped) return null;
      const reply = inbox.next<EdgesReply>();
      worker.postMessage({ kind: "ids", parts: ids.parts() } satisfies ToEdgesWorker);
      const sorted = order();
      if (sorted) lists = inbox.next<EdgeLists | null>();
      worker.postMessage({ kind: "order", order: sorted } satisfies ToEdgesWorker);
      let answered: (ok: boolean) => void = () => {};
      columnsAnswered = new Promise((done) => {
        answered = done;
      });
      const columns = await reply;
      const ok = columns !== null && !("inline" in columns);
      answered(ok);
      if (!ok || !sorted) stop();
      if (!ok) return null;
      const { rows, header, coded } = columns;
      return {
        rows,
        header,
        columns: columns.columns,
        ...(coded.length > 0 ? { coded: new Set(coded) } : {}),
      };
    },
    async edgeLists() {
      const answer =
        lists !== null && columnsAnswered !== null && (await columnsAnswered) ? await lists : null;
      stop();
      return answer;
    },
    cancel: stop,
  };
}
