/**
 * Write a report so that a reader only ever sees the old file or the complete new one: write a temp file in
 * the SAME folder (a temp file in os.tmpdir() fails with EXDEV across file systems), fsync, then rename.
 */
import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { OutputError } from "../model/errors.js";

/** Fail early (before any analysis) when `path` cannot be a report file. */
export function checkOutputPath(path: string): void {
  let st: ReturnType<typeof statSync> | undefined;
  try {
    st = statSync(path);
  } catch {
    st = undefined;
  }
  if (st?.isDirectory()) throw new OutputError("E_OUTPUT_IS_DIR", path, "is a directory", "give a file name");
  try {
    if (!statSync(dirname(path)).isDirectory()) throw new Error("not a directory");
  } catch {
    throw new OutputError("E_OUTPUT", path, "its folder does not exist", "create the folder first");
  }
}

/**
 * Atomically replace `path` with `content`: a string, bytes, or string chunks (output too large for one string,
 * e.g. a 10^6-node generated graph of ~600 MB). The temp file is removed on any failure.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array | Iterable<string>): void {
  checkOutputPath(path);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const fd = openSync(temp, "wx", 0o644);
    try {
      if (typeof content === "string") writeSync(fd, Buffer.from(content, "utf8"));
      else if (content instanceof Uint8Array) writeSync(fd, content);
      else for (const chunk of content) writeSync(fd, chunk, null, "utf8");
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    if (e instanceof OutputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (!code) throw e; // not an I/O error (e.g. a chunk generator failed): let it surface as it is
    throw new OutputError(
      "E_OUTPUT",
      path,
      `cannot write (${code})`,
      "check the folder's permissions and free space",
    );
  }
}
