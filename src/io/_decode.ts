/**
 * Bytes → text for graph files: refuse what is not UTF-8 text (with the byte offset), and name the file type
 * when someone hands us a PNG or a zip instead of a graph.
 */
import type { Problem } from "../model/types.js";

const MAGIC: Array<[string, number[]]> = [
  ["PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["JPEG image", [0xff, 0xd8, 0xff]],
  ["GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["PDF document", [0x25, 0x50, 0x44, 0x46]],
  ["zip archive (xlsx, docx, ...)", [0x50, 0x4b, 0x03, 0x04]],
  ["gzip archive", [0x1f, 0x8b]],
];

/** The kind of a binary file from its magic bytes, or null. */
export function sniffBinaryType(bytes: Uint8Array): string | null {
  for (const [name, magic] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) return name;
  }
  return null;
}

/**
 * Offset of the first byte that is not valid UTF-8, or -1. The strict TextDecoder decides; the scan only
 * locates the offending byte (it ignores overlong forms, so it falls back to 0 for those).
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return -1;
  } catch {
    let i = 0;
    while (i < bytes.length) {
      const b = bytes[i]!;
      let n: number;
      if (b < 0x80) n = 0;
      else if (b >= 0xc2 && b <= 0xdf) n = 1;
      else if (b >= 0xe0 && b <= 0xef) n = 2;
      else if (b >= 0xf0 && b <= 0xf4) n = 3;
      else return i;
      for (let k = 1; k <= n; k++) {
        const c = bytes[i + k];
        if (c === undefined || (c & 0xc0) !== 0x80) return i;
      }
      i += n + 1;
    }
    return 0;
  }
}

/** The problem with a file's first bytes (empty, a known binary type, UTF-16), or null. */
export function headerProblem(bytes: Uint8Array): Problem | null {
  const fail = (code: string, message: string, hint?: string): Problem => ({
    severity: "error",
    code,
    path: "",
    message,
    ...(hint ? { hint } : {}),
  });
  if (bytes.length === 0) return fail("E_EMPTY_FILE", "the file is empty (0 bytes)");
  const kind = sniffBinaryType(bytes);
  if (kind)
    return fail(
      "E_PARSE",
      `this is a ${kind}, not a graph file`,
      "give a .json, .gexf, .graphml or CSV file",
    );
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail("E_ENCODING", "the file is UTF-16 (byte-order mark at offset 0)", "save it as UTF-8");
  }
  return null;
}

/** Decode a graph file's bytes as UTF-8 text, or return the problem that prevents it. */
export function decodeGraphBytes(bytes: Uint8Array): { text: string } | { problem: Problem } {
  const header = headerProblem(bytes);
  if (header) return { problem: header };
  let text: string;
  try {
    // One strict decode gives the text of a UTF-8 file; the offending byte is looked for only when it fails
    // (a validating decode and then a second one to get the text cost the viewer's page thread twice).
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return {
      problem: {
        severity: "error",
        code: "E_ENCODING",
        path: "",
        message: `invalid UTF-8 at byte offset ${Math.max(0, firstInvalidUtf8(bytes))}`,
        hint: "save the file as UTF-8",
      },
    };
  }
  // A UTF-8 byte-order mark is harmless; JSON.parse would choke on it.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text };
}
