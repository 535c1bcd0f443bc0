/**
 * Read a Parquet graph's edges table on a worker thread (`_parquet-edges-worker.ts`) while this thread reads the
 * nodes table: at 10^6 nodes and 3.66 million edges the edges' decode and the matching of their ends to nodes
 * took a third of the load, and the nodes' decode about as much. The worker decodes the edges as soon as it
 * starts, keeping each end as its text's number (`EndTexts`); once this thread has read the ids it sends their
 * table (`resolve`), the worker matches the ends (`resolveEnds`) and sends the columns, exactly those of a read
 * on this thread (a test compares them). Small tables are read here: a worker costs more than they take.
 */
import { Worker } from "node:worker_threads";
import type { IdBytes } from "../_id-bytes.js";
import type { DecodedColumns } from "../_parquet-decode.js";

/** Edges tables from this size (bytes) are read on a worker thread by default. */
export const EDGES_THREAD_BYTES = 4 << 20;

/** What the worker is asked to read. */
export interface EdgesRequest {
  path: string;
  maxBytes: number;
}

/** The worker's answer: the decoded columns, or `inline` when the caller must read the file itself. */
export type EdgesReply =
  | { inline: true }
  | { rows: number; header: string[]; columns: ArrayLike<unknown>[]; coded: string[] };

/** An edges table being read on a worker thread. */
export interface EdgesOnThread {
  /**
   * The table's columns with each end as the position of its node in `ids` (as `decodeParquetColumns` with
   * `edgeCoding(ids)` gives them), or null when the table must be read on this thread (the worker could not
   * start or run, or the file is one it leaves to the caller: any problem is then reported by the caller's
   * own read, as without a thread). Never rejects.
   */
  resolve(ids: IdBytes): Promise<(DecodedColumns & { rows: number; header: string[] }) | null>;
  /** Stop the worker (the table is read on this thread instead). */
  cancel(): void;
}

/** The worker's module: the built one when this runs from source (tests), as for the flow's knockout workers. */
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith(".ts")
    ? new URL("../../../dist/src/io/formats/_parquet-edges-worker.js", here)
    : new URL("./_parquet-edges-worker.js", here);
}

/** Start reading the edges table at `request.path` on a worker thread (see `EdgesOnThread`). */
export function readEdgesOnThread(request: EdgesRequest): EdgesOnThread {
  let worker: Worker | null = null;
  let failed = false;
  try {
    worker = new Worker(workerUrl(), { workerData: request });
    // It keeps the process alive only once its answer is awaited (`resolve`): a read abandoned before that
    // (an exception on this thread) leaves no worker holding the process open.
    worker.unref();
    worker.once("error", () => {
      failed = true;
    });
  } catch {
    failed = true;
  }
  return {
    resolve(ids) {
      const w = worker;
      if (!w || failed) return Promise.resolve(null);
      return new Promise((resolve) => {
        let settled = false;
        const done = (reply: EdgesReply | null) => {
          if (settled) return;
          settled = true;
          void w.terminate();
          if (!reply || "inline" in reply) return resolve(null);
          const { rows, header, columns, coded } = reply;
          resolve({ rows, header, columns, ...(coded.length > 0 ? { coded: new Set(coded) } : {}) });
        };
        w.once("message", (reply: EdgesReply) => done(reply));
        w.once("error", () => done(null));
        w.once("exit", () => done(null));
        w.ref();
        w.postMessage(ids.parts());
      });
    },
    cancel() {
      void worker?.terminate();
    },
  };
}
