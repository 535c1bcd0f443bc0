/**
 * How the edges table of a Parquet graph is read for the load's fast path (`_parquet-columns.ts`): each end as
 * the position of its node, and `sources`/`notes` as 0 for a text the fast path takes (or an empty one: no
 * value) and `REFUSED` for one it does not. No edge column is then held as text: the fast path needs the ends'
 * nodes and the texts' validity, not the texts.
 *
 * The ends can also be read before the nodes' ids are known (`EndTexts`): each end's bytes are kept once per
 * dictionary entry (once per cell of a plain page) and the end coded as that entry's number, then matched to
 * node positions once the ids are read (`resolveEnds`). This is how the edges table is read on a worker thread
 * beside the nodes table (`formats/_parquet-edges-thread.ts`); the positions are the same as when matched at
 * once. Only light modules are imported here, so the worker starts quickly.
 */
import type { CodedColumns } from "./_parquet-decode.js";
import { NULL_CODE, type TextCode } from "./_parquet-text.js";
import { EDGE_SOURCE, EDGE_TARGET, squash } from "./formats/_table-headers.js";
import { decodeList } from "./formats/_list-text.js";

/** The code of a text cell the fast path refuses. */
export const REFUSED = -2;

/** True when the edges table's column with this header is an end (source or target). */
export function isEndHeader(header: string): boolean {
  return EDGE_SOURCE.has(squash(header)) || EDGE_TARGET.has(squash(header));
}

/** The fast path's coding of the edges table (see the module comment), with `position` coding each end. */
export function edgeCodingWith(position: TextCode): CodedColumns {
  const decoder = new TextDecoder();
  const sources: TextCode = (bytes, from, to) => {
    if (from === to) return 0;
    return decodeList(decoder.decode(bytes.subarray(from, to))).length > 0 ? 0 : REFUSED;
  };
  const notes: TextCode = () => 0;
  return {
    codeOf: (header) =>
      isEndHeader(header)
        ? position
        : header === "sources"
          ? sources
          : header === "notes"
            ? notes
            : undefined,
  };
}

/** The ends' texts as read before the ids are known: text k is `bytes[offsets[k]..offsets[k+1])`. */
export interface EndTextList {
  bytes: Uint8Array;
  offsets: Int32Array;
}

/** A growing `EndTextList`; `code` keeps a text and returns its number (the end's code until resolved). */
export class EndTexts {
  private bytes = new Uint8Array(1 << 20);
  private offsets = new Int32Array(1 << 16);
  private count = 0;

  readonly code: TextCode = (from, start, end) => {
    const size = this.offsets[this.count]!;
    const length = end - start;
    if (size + length > this.bytes.length) {
      let capacity = this.bytes.length * 2;
      while (capacity < size + length) capacity *= 2;
      const grown = new Uint8Array(capacity);
      grown.set(this.bytes.subarray(0, size));
      this.bytes = grown;
    }
    if (this.count + 2 > this.offsets.length) {
      const grown = new Int32Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    // byte by byte: ids are short, and a subarray per text would be an object per dictionary entry
    const bytes = this.bytes;
    for (let k = 0; k < length; k++) bytes[size + k] = from[start + k]!;
    this.offsets[this.count + 1] = size + length;
    return this.count++;
  };

  /** The texts kept so far (views of the store, no copy). */
  list(): EndTextList {
    const size = this.offsets[this.count]!;
    return { bytes: this.bytes.subarray(0, size), offsets: this.offsets.subarray(0, this.count + 1) };
  }
}

/**
 * Rewrite end columns read with one `EndTexts` as node positions, in place: text k is matched by `positionOf`
 * once, then every code k becomes its position (-1 for an unknown id, as when matched at once); a null stays
 * null.
 */
export function resolveEnds(
  columns: readonly Int32Array[],
  texts: EndTextList,
  positionOf: (bytes: Uint8Array, from: number, to: number) => number,
): void {
  const { bytes, offsets } = texts;
  const count = offsets.length - 1;
  const positions = new Int32Array(count);
  for (let k = 0; k < count; k++) positions[k] = positionOf(bytes, offsets[k]!, offsets[k + 1]!);
  for (const codes of columns)
    for (let r = 0; r < codes.length; r++) {
      const k = codes[r]!;
      if (k !== NULL_CODE) codes[r] = positions[k]!;
    }
}

/**
 * An edges table's lead time or volume column (absent: undefined) as the integer view takes it: a DOUBLE column
 * decoded as a Float64Array is used as it is; otherwise a number is kept and anything else (null, empty) is NaN,
 * no value. The fast path's checks (`_parquet-columns.ts`) refuse every table where that differs from theirs, so
 * the view built from this column is used only where both agree.
 */
export function viewColumnOf(values: ArrayLike<unknown> | undefined, rows: number): Float64Array {
  if (values instanceof Float64Array && values.length === rows) return values;
  const out = new Float64Array(rows).fill(Number.NaN);
  if (values === undefined) return out;
  for (let r = 0; r < rows; r++) {
    const v = values[r];
    if (typeof v === "number") out[r] = v;
  }
  return out;
}
