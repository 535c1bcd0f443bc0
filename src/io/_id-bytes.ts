/**
 * Node ids as UTF-8 bytes in one open-addressing hash table, so a Parquet edge end can be matched to its node
 * straight from the column's bytes: the reader hands each end's bytes to `positionOf` (as hyparquet's
 * `stringFromBytes` parser) and keeps the node's position, not a string. A dictionary-encoded column is then
 * matched once per dictionary entry, a plain one once per cell, and no end string is ever made. At 10^6 nodes
 * the Map lookups of 3.66 million fresh end strings were most of the load.
 */

/** Node id bytes → position in the nodes table. */
export class IdBytes {
  private readonly bytes: Uint8Array;
  private readonly offsets: Int32Array;
  private readonly table: Int32Array;
  private readonly mask: number;

  /** The ids, in table order (a repeated id keeps its first position: the node checks refuse it anyway). */
  constructor(ids: readonly string[]) {
    const n = ids.length;
    const encoder = new TextEncoder();
    let size = 0;
    for (let i = 0; i < n; i++) size += ids[i]!.length * 3; // at most 3 bytes per UTF-16 unit
    const bytes = new Uint8Array(size);
    const offsets = new Int32Array(n + 1);
    let at = 0;
    for (let i = 0; i < n; i++) {
      at += encoder.encodeInto(ids[i]!, bytes.subarray(at)).written;
      offsets[i + 1] = at;
    }
    this.bytes = bytes;
    this.offsets = offsets;
    let slots = 1024;
    while (slots < n * 2) slots *= 2;
    this.table = new Int32Array(slots).fill(-1);
    this.mask = slots - 1;
    for (let i = 0; i < n; i++) {
      let s = hash(bytes, offsets[i]!, offsets[i + 1]!) & this.mask;
      while (this.table[s] !== -1) {
        if (this.equal(this.table[s]!, bytes, offsets[i]!, offsets[i + 1]!)) break;
        s = (s + 1) & this.mask;
      }
      if (this.table[s] === -1) this.table[s] = i;
    }
  }

  /** The position of the node whose id has these UTF-8 bytes, or -1. */
  positionOf(query: Uint8Array): number {
    const end = query.length;
    let s = hash(query, 0, end) & this.mask;
    for (;;) {
      const i = this.table[s]!;
      if (i === -1 || this.equal(i, query, 0, end)) return i;
      s = (s + 1) & this.mask;
    }
  }

  private equal(i: number, query: Uint8Array, from: number, to: number): boolean {
    const start = this.offsets[i]!;
    const length = this.offsets[i + 1]! - start;
    if (length !== to - from) return false;
    const bytes = this.bytes;
    for (let k = 0; k < length; k++) if (bytes[start + k] !== query[from + k]) return false;
    return true;
  }
}

/** FNV-1a over bytes[from..to). */
function hash(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) h = Math.imul(h ^ bytes[k]!, 0x01000193);
  return h >>> 0;
}
