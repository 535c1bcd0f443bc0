/**
 * Node ids as UTF-8 bytes in one open-addressing hash table, so a Parquet edge end can be matched to its node
 * straight from the column's bytes: the reader hands each end's bytes to `positionOf` (as hyparquet's
 * `stringFromBytes` parser) and keeps the node's position, not a string. A dictionary-encoded column is then
 * matched once per dictionary entry, a plain one once per cell, and no end string is ever made. At 10^6 nodes
 * the Map lookups of 3.66 million fresh end strings were most of the load.
 */

type IdUtf8 = { bytes: Uint8Array; offsets: Int32Array };

/** The UTF-8 bytes of the ids, one after the other, and where each begins. */
function utf8Of(ids: readonly string[]): IdUtf8 {
  const n = ids.length;
  const encoder = new TextEncoder();
  let size = 0;
  for (let i = 0; i < n; i++) size += ids[i]!.length * 3; // at most 3 bytes per UTF-16 unit
  const bytes = new Uint8Array(size);
  const offsets = new Int32Array(n + 1);
  let at = 0;
  for (let i = 0; i < n; i++) {
    // ASCII ids (most) byte by byte: the encoder's call and its subarray per id cost more than the copy
    const id = ids[i]!;
    let k = 0;
    for (; k < id.length; k++) {
      const c = id.charCodeAt(k);
      if (c >= 0x80) break;
      bytes[at + k] = c;
    }
    at += k === id.length ? k : encoder.encodeInto(id, bytes.subarray(at)).written;
    offsets[i + 1] = at;
  }
  return { bytes, offsets };
}

/** The arrays of an `IdBytes` table (`IdBytes.parts`). */
export interface IdBytesParts {
  bytes: Uint8Array;
  offsets: Int32Array;
  table: Int32Array;
  mask: number;
  repeated: boolean;
}

/** Node id bytes → position in the nodes table. */
export class IdBytes {
  private readonly bytes: Uint8Array;
  private readonly offsets: Int32Array;
  private readonly table: Int32Array;
  private readonly mask: number;
  /** True when some id is given more than once. */
  readonly repeated: boolean = false;
  /** `sortedOrder`'s answer once made. */
  private order: Int32Array | null | undefined;

  /**
   * The ids, in table order (a repeated id keeps its first position: the node checks refuse it anyway): as
   * strings, or as their UTF-8 bytes (id i is `bytes[offsets[i]..offsets[i+1])`, as a Parquet column holds them).
   */
  constructor(ids: readonly string[] | { bytes: Uint8Array; offsets: Int32Array }) {
    const { bytes, offsets } = Array.isArray(ids) ? utf8Of(ids as readonly string[]) : (ids as IdUtf8);
    const n = offsets.length - 1;
    this.bytes = bytes;
    this.offsets = offsets;
    let slots = 1024;
    while (slots < n * 2) slots *= 2;
    // on shared memory: `parts` hands it to another thread with no copy
    this.table = new Int32Array(new SharedArrayBuffer(slots * 4)).fill(-1);
    this.mask = slots - 1;
    for (let i = 0; i < n; i++) {
      let s = hash(bytes, offsets[i]!, offsets[i + 1]!) & this.mask;
      while (this.table[s] !== -1) {
        if (this.equal(this.table[s]!, bytes, offsets[i]!, offsets[i + 1]!)) break;
        s = (s + 1) & this.mask;
      }
      if (this.table[s] === -1) this.table[s] = i;
      else this.repeated = true;
    }
  }

  /**
   * The table's arrays, for another thread (`IdBytes.of` makes the same table from them, no hashing again): on
   * shared memory, so that posting them copies nothing (the ids' bytes are copied there once).
   */
  parts(): IdBytesParts {
    const { mask, repeated, table } = this;
    return { bytes: onShared(this.bytes), offsets: onShared(this.offsets), table, mask, repeated };
  }

  /** The table whose arrays `parts` gave (copied to this thread). */
  static of(parts: IdBytesParts): IdBytes {
    return Object.assign(Object.create(IdBytes.prototype) as IdBytes, parts);
  }

  /** The position of the node whose id has the UTF-8 bytes `query[from..to)`, or -1. */
  positionOf(query: Uint8Array, from = 0, to = query.length): number {
    let s = hash(query, from, to) & this.mask;
    for (;;) {
      const i = this.table[s]!;
      if (i === -1 || this.equal(i, query, from, to)) return i;
      s = (s + 1) & this.mask;
    }
  }

  /**
   * The positions in the order of their ids (`order[k]` = the position of the k-th smallest id), the order of
   * JavaScript's `<` on the strings, by a radix sort of the bytes: no string comparison and no Map. UTF-8 byte
   * order is code point order, which is `<`'s UTF-16 order except between U+E000-U+FFFF and the characters
   * beyond U+FFFF; with a byte from 0xEE up (where those begin) it returns null and the caller sorts the strings.
   * Equal ids keep their table order.
   */
  sortedOrder(): Int32Array | null {
    // made once: the load asks for it twice (for the edges' worker thread, then for the node checks)
    if (this.order !== undefined) return this.order;
    const { bytes, offsets } = this;
    const n = offsets.length - 1;
    const size = offsets[n]!;
    this.order = null;
    for (let k = 0; k < size; k++) if (bytes[k]! >= 0xee) return null;
    this.order = radixOrder(bytes, offsets, n);
    return this.order;
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

/** The array's values on a SharedArrayBuffer (itself when it is on one already). */
function onShared<T extends Uint8Array | Int32Array>(array: T): T {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const Kind = array.constructor as new (buffer: SharedArrayBuffer) => T;
  const copy = new Kind(new SharedArrayBuffer(array.byteLength));
  copy.set(array);
  return copy;
}

/** FNV-1a over bytes[from..to). */
function hash(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) h = Math.imul(h ^ bytes[k]!, 0x01000193);
  return h >>> 0;
}

/** Below this many ids a bucket is finished by insertion sort. */
const SMALL = 24;

/**
 * Positions 0..n-1 sorted by their byte strings (`bytes[offsets[i]..offsets[i+1])`), most significant byte
 * first: each bucket is split by the byte at its depth (an id that ends there comes first), stably.
 */
function radixOrder(bytes: Uint8Array, offsets: Int32Array, n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const scratch = new Int32Array(n);
  const count = new Int32Array(258);
  // buckets still to split: (from, to, depth) triples
  const stack: number[] = [0, n, 0];
  while (stack.length > 0) {
    const depth = stack.pop()!;
    const to = stack.pop()!;
    const from = stack.pop()!;
    if (to - from <= SMALL) {
      insertionSort(order, from, to, depth, bytes, offsets);
      continue;
    }
    count.fill(0);
    for (let i = from; i < to; i++) {
      const id = order[i]!;
      const at = offsets[id]! + depth;
      count[at < offsets[id + 1]! ? bytes[at]! + 2 : 1]!++;
    }
    // count[b] becomes the start of bucket b (1: the ids that end at this depth; 2 + a byte: the others)
    let sum = from;
    for (let b = 1; b < 258; b++) {
      const c = count[b]!;
      count[b] = sum;
      sum += c;
    }
    for (let i = from; i < to; i++) {
      const id = order[i]!;
      const at = offsets[id]! + depth;
      scratch[count[at < offsets[id + 1]! ? bytes[at]! + 2 : 1]!++] = id;
    }
    order.set(scratch.subarray(from, to), from);
    // count[b] is now the end of bucket b; the ended ids (bucket 1) are all equal: nothing to split
    let start = count[1]!;
    for (let b = 2; b < 258; b++) {
      const end = count[b]!;
      if (end - start > 1) stack.push(start, end, depth + 1);
      start = end;
    }
  }
  return order;
}

function insertionSort(
  order: Int32Array,
  from: number,
  to: number,
  depth: number,
  bytes: Uint8Array,
  offsets: Int32Array,
): void {
  for (let i = from + 1; i < to; i++) {
    const id = order[i]!;
    let j = i - 1;
    while (j >= from && compareFrom(order[j]!, id, depth, bytes, offsets) > 0) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = id;
  }
}

/** Compare two ids' bytes from `depth` on (their first `depth` bytes are equal). */
function compareFrom(a: number, b: number, depth: number, bytes: Uint8Array, offsets: Int32Array): number {
  let i = offsets[a]! + depth;
  let j = offsets[b]! + depth;
  const aEnd = offsets[a + 1]!;
  const bEnd = offsets[b + 1]!;
  for (; i < aEnd && j < bEnd; i++, j++) if (bytes[i] !== bytes[j]) return bytes[i]! - bytes[j]!;
  return aEnd - i - (bEnd - j);
}
