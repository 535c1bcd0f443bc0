/**
 * `writeFileAtomic` for output too large for one string (a 10^6-node generated graph is about 600 MB): the
 * chunks go to a temp file in the same folder, which is fsynced and renamed over `path` only when every chunk
 * is written, so a reader sees the old file or the whole new one, never a half-written graph.
 */
import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { OutputError } from "../model/errors.js";
import { checkOutputPath } from "./write-atomic.js";

/** Atomically replace `path` with the concatenation of `chunks` (UTF-8). The temp file is removed on failure. */
export function writeChunksAtomic(path: string, chunks: Iterable<string>): void {
  checkOutputPath(path);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const fd = openSync(temp, "wx", 0o644);
    try {
      for (const chunk of chunks) writeSync(fd, chunk, null, "utf8");
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    if (e instanceof OutputError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? "EIO";
    if (!(e as NodeJS.ErrnoException).code) throw e;
    throw new OutputError(
      "E_OUTPUT",
      path,
      `cannot write (${code})`,
      "check the folder's permissions and free space",
    );
  }
}
