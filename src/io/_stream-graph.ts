/**
 * Check a large JSON graph file while reading it in chunks, keeping only what the integer view needs: node
 * attributes and typed edge columns. Holding the file (700 MB at 10^6 nodes) and every parsed edge object cost
 * gigabytes, and on this machine class first-touching fresh memory costs as much time as parsing. The checks
 * and their problems are those of `checkSerializedGraphParts` on the parsed file (`model/_stream-check.ts`).
 */
import { isAscii, isUtf8 } from "node:buffer";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import type { CheckedColumns } from "../model/_checked.js";
import { EdgeColumnSink } from "../model/_edge-columns.js";
import { NeedsExactPass, NeedsWholeParse, StreamedGraphCheck } from "../model/_stream-check.js";
import { checkWholeGraph, type GraphCheckOptions, type GraphRun } from "../model/graph-checks.js";
import type { NodeAttributes, Problem } from "../model/types.js";
import type { ByteSource } from "./_json-chunks.js";
import { type LargeGraphScanOptions, parseLargeGraph, scanLargeGraph } from "./parse-graph.js";

/** The result of `checkGraphFileColumns`: the columns when there is no error, and every problem found. */
export interface GraphColumnsCheckResult {
  columns: CheckedColumns | null;
  problems: Problem[];
}

/**
 * Batches of 64 KiB (a few hundred edges): their text and objects stay in the young generation and die there.
 * With 8 MiB batches each batch's strings went to the large-object space, and their garbage triggered a full
 * mark-compact of the whole node heap every few seconds (17 of them at 10^6 nodes, against 8).
 */
const STREAM_BATCH_BYTES = 64 << 10;

/** A file opened for reading as a byte source; the caller closes `fd`. */
function fileSource(fd: number): ByteSource {
  return {
    size: fstatSync(fd).size,
    read: (into, at, length, position) => readSync(fd, into, at, length, position),
    alloc: (length) => Buffer.allocUnsafeSlow(length),
    // simdutf validation, and for ASCII (the common case) a plain byte copy instead of UTF-8 decoding: about
    // five times faster than a fatal TextDecoder.
    decode: (bytes) => {
      const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      if (isAscii(buffer)) return buffer.toString("latin1");
      return isUtf8(buffer) ? buffer.toString("utf8") : null;
    },
  };
}

/** Read and check a JSON graph file in chunks (see the module comment); never throws on bad data. */
export function checkGraphFileColumns(
  path: string,
  options: GraphCheckOptions & LargeGraphScanOptions = {},
): GraphColumnsCheckResult {
  const opts: GraphCheckOptions = { ...options, adoptInput: true };
  const fd = openSync(path, "r");
  try {
    const source = fileSource(fd);
    const streamed = (exact: boolean): GraphRun<EdgeColumnSink> => {
      const check = new StreamedGraphCheck(opts, () => new EdgeColumnSink(), exact);
      const problem = scanLargeGraph(source, check, { streamBatchBytes: STREAM_BATCH_BYTES, ...options });
      return problem ? { ok: false, problems: [problem] } : check.finish();
    };
    const whole = (): GraphRun<EdgeColumnSink> => {
      const parsed = parseLargeGraph(source, options);
      if ("problem" in parsed) return { ok: false, problems: [parsed.problem] };
      return checkWholeGraph(parsed.data, opts, () => new EdgeColumnSink());
    };
    let run: GraphRun<EdgeColumnSink>;
    try {
      run = streamed(false);
    } catch (e) {
      if (e instanceof NeedsWholeParse) run = whole();
      else if (!(e instanceof NeedsExactPass)) throw e;
      else
        try {
          run = streamed(true);
        } catch (again) {
          if (!(again instanceof NeedsWholeParse)) throw again;
          run = whole();
        }
    }
    if (!run.ok) return { columns: null, problems: run.problems };
    return {
      columns: {
        attributes: run.attributes,
        ids: run.nodes.idAt,
        nodeAttributes: run.nodes.nodeAt as NodeAttributes[],
        positions: run.nodes.index,
        ...run.sink.columns(),
      },
      problems: run.problems,
    };
  } finally {
    closeSync(fd);
  }
}
