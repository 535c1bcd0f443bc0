/**
 * Write a report so that a reader only ever sees the old file or the complete new one: write a temp file in
 * the SAME folder (a temp file in os.tmpdir() fails with EXDEV across file systems), check that every byte was
 * written (a full disk gives short writes before it gives ENOSPC), fsync, rename, then fsync the folder.
 *
 * What may be replaced: a missing path or a regular file with a single link. Device nodes, FIFOs, sockets and
 * symlinks are refused (a rename would replace `/dev/null` or the link itself with a plain file), and so is a
 * file with more than one hard link: renaming over it would silently split it from its other names, and
 * writing it in place would lose atomicity, so we refuse and say so (E_OUTPUT_NOT_REGULAR, E_OUTPUT_LINKED).
 * An existing file keeps its permission bits (and, when we may, its owner).
 */
import { randomBytes } from "node:crypto";
import {
  closeSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  lstatSync,
  openSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { OutputError } from "../model/errors.js";

/** What `path` is now: nothing, or its lstat (symlinks not followed). */
function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

/** The kind of a non-regular file, for messages. */
function kindOf(st: Stats): string {
  if (st.isSymbolicLink()) return "a symbolic link";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "a device";
  if (st.isFIFO()) return "a FIFO (named pipe)";
  if (st.isSocket()) return "a socket";
  return "not a regular file";
}

/** Fail early (before any analysis) when `path` cannot be a report file. */
export function checkOutputPath(path: string): void {
  const st = lstatOrNull(path);
  if (st?.isDirectory()) throw new OutputError("E_OUTPUT_IS_DIR", path, "is a directory", "give a file name");
  if (st && !st.isFile())
    throw new OutputError(
      "E_OUTPUT_NOT_REGULAR",
      path,
      `is ${kindOf(st)}; only a regular file is replaced`,
      "give a plain file name (use the link's target path, or stdout instead of a device)",
    );
  if (st && st.nlink > 1)
    throw new OutputError(
      "E_OUTPUT_LINKED",
      path,
      `has ${st.nlink} hard links; replacing it would split it from the others`,
      "write to another name, or remove the other links first",
    );
  try {
    if (!statSync(dirname(path)).isDirectory()) throw new Error("not a directory");
  } catch {
    throw new OutputError("E_OUTPUT", path, "its folder does not exist", "create the folder first");
  }
}

/** Write all of `bytes`: `writeSync` may write fewer bytes than asked (a full disk, a signal). */
export function writeAll(fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.length) {
    const n = writeSync(fd, bytes, done, bytes.length - done);
    if (n <= 0) {
      const e = new Error("short write") as NodeJS.ErrnoException;
      e.code = "ENOSPC";
      throw e;
    }
    done += n;
  }
}

/** Flush a folder's entry for a renamed file (best effort: some file systems refuse to open a folder). */
function fsyncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // not all platforms can fsync a folder (Windows); the rename itself is atomic there
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Atomically replace `path` with `content`: a string, bytes, or string chunks (output too large for one string,
 * e.g. a 10^6-node generated graph of ~600 MB). The temp file is removed on any failure.
 * @throws OutputError E_OUTPUT (cannot write: ENOSPC, a short write, EACCES, ...), E_OUTPUT_IS_DIR, E_OUTPUT_NOT_REGULAR,
 *   E_OUTPUT_LINKED; the old file is untouched.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array | Iterable<string>): void {
  checkOutputPath(path);
  const old = lstatOrNull(path);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const fd = openSync(temp, "wx", 0o644);
    try {
      if (old) {
        // keep the existing file's permissions exactly (openSync's mode is filtered by the umask)
        fchmodSync(fd, old.mode & 0o7777);
        try {
          fchownSync(fd, old.uid, old.gid);
        } catch {
          // only root may give a file away; a non-root writer keeps the file as its own
        }
      }
      if (typeof content === "string") writeAll(fd, Buffer.from(content, "utf8"));
      else if (content instanceof Uint8Array) writeAll(fd, content);
      else for (const chunk of content) writeAll(fd, Buffer.from(chunk, "utf8"));
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
      `cannot write (${code}); the previous file, if any, is unchanged`,
      "check the folder's permissions and free space",
    );
  }
  fsyncFolder(dirname(path));
}
