/**
 * Read a whole input file, bounded. A regular file is read after its size is checked; anything else (a pipe,
 * `/dev/stdin`, `<(cat g.json)`, a FIFO, a device such as `/dev/zero`) has no size to check, so it is read in
 * chunks up to the limit, and refused as soon as it shows binary data (a NUL byte: no graph, scenario or CSV
 * format holds one). The file is opened non-blocking: opening a FIFO with no writer would otherwise block
 * forever; a FIFO that has no writer after `writerWaitMs` is refused. A pipe can be read only once, so what was
 * read from it is kept for the rest of the process: `analyze /dev/stdin` reads the graph in two forms and both
 * see the same bytes.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";

/** Options of `readBounded`. */
export interface ReadBoundedOptions {
  /** Refuse more bytes than this (default 2 GiB − 1, the most one Buffer read holds here). */
  maxBytes?: number;
  /** How long a FIFO may stay without a writer before it is refused (default 5 s). */
  writerWaitMs?: number;
}

export const DEFAULT_READ_BOUNDED_OPTIONS: Required<ReadBoundedOptions> = {
  maxBytes: 2 ** 31 - 1,
  writerWaitMs: 5000,
};

/** Why a file could not be read, with the code a problem or error carries. */
export interface ReadFailure {
  code: "E_IO" | "E_TOO_LARGE" | "E_ENCODING" | "E_EMPTY_FILE";
  message: string;
  hint?: string;
}

const CHUNK = 1 << 16;
// Bytes read from pipes and devices, by device and inode: they cannot be read a second time.
const streamed = new Map<string, { bytes: Buffer } | { failure: ReadFailure }>();

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Read a non-regular file in chunks, bounded in size and in time without a writer. */
function readStream(
  fd: number,
  st: Stats,
  opts: Required<ReadBoundedOptions>,
): { bytes: Buffer } | { failure: ReadFailure } {
  const chunks: Buffer[] = [];
  let total = 0;
  let waited = 0;
  for (;;) {
    const buf = Buffer.allocUnsafe(CHUNK);
    let n: number;
    try {
      n = readSync(fd, buf, 0, CHUNK, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EAGAIN" || code === "EWOULDBLOCK") {
        sleep(5); // a writer is there but has not written yet
        continue;
      }
      return { failure: { code: "E_IO", message: `cannot read: ${code ?? String(e)}` } };
    }
    if (n === 0) {
      // On a FIFO opened non-blocking, 0 means "no writer": none yet, or the writer is done.
      if (total === 0 && st.isFIFO() && waited < opts.writerWaitMs) {
        sleep(20);
        waited += 20;
        continue;
      }
      break;
    }
    const chunk = buf.subarray(0, n);
    if (chunk.includes(0))
      return {
        failure: {
          code: "E_ENCODING",
          message: `binary data (a NUL byte at offset ${total + chunk.indexOf(0)}): not a text file`,
          hint: "give a graph file (JSON, CSV, GEXF or GraphML)",
        },
      };
    total += n;
    if (total > opts.maxBytes)
      return {
        failure: {
          code: "E_TOO_LARGE",
          message: `more than ${opts.maxBytes} bytes arrived from a stream (it may never end)`,
          hint: "give a regular file (its size is checked before reading)",
        },
      };
    chunks.push(chunk);
  }
  if (total === 0 && st.isFIFO() && waited >= opts.writerWaitMs)
    return {
      failure: {
        code: "E_EMPTY_FILE",
        message: `nothing arrived: no process wrote to this FIFO within ${opts.writerWaitMs / 1000} s`,
        hint: "start the writer first",
      },
    };
  return { bytes: Buffer.concat(chunks, total) };
}

/** Read a regular file of known size (re-checked: it may grow while we read). */
function readRegular(
  fd: number,
  st: Stats,
  opts: Required<ReadBoundedOptions>,
): { bytes: Buffer } | { failure: ReadFailure } {
  if (st.size > opts.maxBytes)
    return {
      failure: {
        code: "E_TOO_LARGE",
        message: `the file is ${st.size} bytes, over the limit of ${opts.maxBytes}`,
        hint: "raise --max-bytes",
      },
    };
  const bytes = Buffer.allocUnsafe(st.size);
  let done = 0;
  while (done < st.size) {
    const n = readSync(fd, bytes, done, st.size - done, done);
    if (n === 0) break; // the file shrank while we read it: what is there is all there is
    done += n;
  }
  return { bytes: bytes.subarray(0, done) };
}

/** The descriptor a `/dev/stdin`, `/dev/fd/N` or `/proc/self/fd/N` path names, or null. */
function inheritedFd(path: string): number | null {
  if (path === "/dev/stdin") return 0;
  const m = /^\/(?:dev|proc\/self)\/fd\/(\d+)$/.exec(path);
  return m ? Number(m[1]) : null;
}

/**
 * The bytes of `path`, or why they cannot be read (never throws on I/O errors).
 * @param path a regular file, pipe, FIFO or character device; a folder is refused (E_IO)
 */
export function readBounded(
  path: string,
  options: ReadBoundedOptions = {},
): { bytes: Buffer } | { failure: ReadFailure } {
  const opts = { ...DEFAULT_READ_BOUNDED_OPTIONS, ...options };
  let fd: number;
  let borrowed = false;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EISDIR") return { failure: { code: "E_IO", message: "is a directory, not a file" } };
    // `/dev/stdin` on a socket (what Node's spawn gives a child) cannot be opened again: read the fd itself
    const inherited = code === "ENXIO" ? inheritedFd(path) : null;
    if (inherited === null)
      return { failure: { code: "E_IO", message: `cannot read: ${code ?? String(e)}` } };
    fd = inherited;
    borrowed = true;
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { failure: { code: "E_IO", message: "is a directory, not a file" } };
    if (st.isFile()) return readRegular(fd, st, opts);
    const key = `${st.dev}:${st.ino}:${st.rdev}`;
    const seen = streamed.get(key);
    if (seen && !st.isCharacterDevice()) return seen;
    const result = readStream(fd, st, opts);
    // a terminal or device can be read again for new bytes; a pipe cannot
    if (!st.isCharacterDevice()) streamed.set(key, result);
    return result;
  } catch (e) {
    return {
      failure: { code: "E_IO", message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` },
    };
  } finally {
    if (!borrowed) closeSync(fd);
  }
}
