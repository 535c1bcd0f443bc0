/**
 * Terminal escapes in data: a label holding ESC (`\x1b[2J`, OSC 52 clipboard writes, hyperlinks) or a bare CR
 * would be interpreted by the user's terminal when a report is printed (or later `cat`ed). Every text the CLI
 * writes (reports on stdout or in `--out`, messages on stderr) goes through `escapeControls`, which makes C0
 * and C1 control characters, DEL and the bidirectional overrides visible as `\u00XX`. Kept: tab, newline and
 * the CR of a CRLF line ending (CSV records). In JSON output, where `JSON.stringify` has already escaped C0,
 * the same `\u00XX` form is a valid escape of the same character, so the data is unchanged.
 */

// C0 except tab (09), LF (0a), CR (0d, handled below); DEL and C1 (7f-9f); the bidi embeddings, overrides and
// isolates (U+202A-202E, U+2066-2069) that reorder what a terminal shows ("Trojan Source", CVE-2021-42574).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

/** `text` with every control character a terminal would act on replaced by a visible `\uXXXX`. */
export function escapeControls(text: string): string {
  CONTROLS.lastIndex = 0;
  if (!CONTROLS.test(text)) return text;
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
