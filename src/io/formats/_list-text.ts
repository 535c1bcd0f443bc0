/**
 * Lists as text cells (`sources`, recipes), in a module of their own with no imports: the Parquet edge reader's
 * worker thread (`_parquet-edges-worker.ts`) checks `sources` cells with `decodeList` and needs nothing else of
 * the attribute conventions (`_attributes.ts`, which loads the schema).
 */

/**
 * Lists as text: items joined by `;`, a literal `;` or `\` inside an item escaped with `\`, so that any item
 * survives a round trip while the common case reads naturally in a spreadsheet (`USGS 2025;IEA 2024`).
 */
export function encodeList(items: readonly string[]): string {
  return items.map((s) => s.replace(/[\\;]/g, (c) => `\\${c}`)).join(";");
}

/** The inverse of `encodeList`; surrounding blanks of each item are trimmed and empty items dropped. */
export function decodeList(text: string): string[] {
  const items: string[] = [];
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\\" && i + 1 < text.length) current += text[++i];
    else if (c === ";") {
      items.push(current);
      current = "";
    } else current += c;
  }
  items.push(current);
  return items.map((s) => s.trim()).filter((s) => s !== "");
}
