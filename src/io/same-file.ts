/**
 * Refuse a command whose output would overwrite one of its inputs (`analyze g.json --out g.json`) or another
 * of its outputs (`--out r.json --export r.json`). Paths are compared as files, not as strings: an existing
 * file by device and inode (so `./g.json`, `../x/g.json`, a symlink or a hard link to it all match), a file
 * still to be written by its folder's real path and its name.
 */
import { realpathSync, statSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { OutputError } from "../model/errors.js";

/** A key that is equal for two paths exactly when they name the same file. */
export function fileIdentity(path: string): string {
  try {
    const st = statSync(path);
    return `inode:${st.dev}:${st.ino}`;
  } catch {
    // not there yet: the same folder (through any symlinks) and the same name
    let dir: string;
    try {
      dir = realpathSync(dirname(resolve(path)));
    } catch {
      dir = dirname(resolve(path));
    }
    return `path:${dir}/${basename(path)}`;
  }
}

/**
 * Check that no output is an input and no two outputs are the same file, before anything is read or written.
 * @throws OutputError E_OUTPUT_IS_INPUT, E_OUTPUT_SAME naming both paths
 */
export function checkDistinctPaths(inputs: readonly string[], outputs: readonly string[]): void {
  const inputIds = new Map<string, string>();
  for (const p of inputs) inputIds.set(fileIdentity(p), p);
  const outputIds = new Map<string, string>();
  for (const out of outputs) {
    const id = fileIdentity(out);
    const input = inputIds.get(id);
    if (input !== undefined)
      throw new OutputError(
        "E_OUTPUT_IS_INPUT",
        out,
        `is also an input of this command (${input}); writing it would destroy the input`,
        "write the report to another file",
      );
    const other = outputIds.get(id);
    if (other !== undefined)
      throw new OutputError(
        "E_OUTPUT_SAME",
        out,
        `is the same file as another output (${other}); one would overwrite the other`,
        "give each output its own file",
      );
    outputIds.set(id, out);
  }
}
