/**
 * A sliding window over the bytes of a file, for scanning files too large to hold. On this machine class,
 * first-touching fresh memory costs about as much as parsing it (3 s for 700 MB), so a large file is read into
 * one reused buffer instead of all at once. Offsets are absolute (file offsets), so a refill never invalidates
 * the positions a scanner holds. Platform-neutral: the viewer scans dropped files through an in-memory source.
 */

/** Where the bytes come from: a file descriptor (Node) or bytes already in memory. */
export interface ByteSource {
  readonly size: number;
  /** Copy up to `length` bytes at file offset `position` into `into[at..]`; returns how many were copied. */
  read(into: Uint8Array, at: number, length: number, position: number): number;
  /** A fresh buffer (Node gives a Buffer, whose `indexOf` is memchr). */
  alloc(length: number): Uint8Array;
  /** Strict UTF-8 decoding, or null when the bytes are not UTF-8 (a faster one than TextDecoder, if any). */
  decode?(bytes: Uint8Array): string | null;
  /** The whole file when it is already in memory (then no window is needed). */
  readonly bytes?: Uint8Array;
}

/** A source over bytes in memory. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    bytes,
    read(into, at, length, position) {
      const part = bytes.subarray(position, position + length);
      into.set(part, at);
      return part.length;
    },
    alloc: (length) => new Uint8Array(length),
  };
}

/** The window: `buf[0 .. len)` holds the file's bytes `[base, base + len)`. */
export class ByteWindow {
  buf: Uint8Array;
  base = 0;
  len = 0;
  /** Bytes before this offset may be dropped at the next refill; the scanner moves it forward. */
  pin = 0;
  size: number;

  constructor(
    private readonly source: ByteSource,
    chunkBytes: number,
  ) {
    this.size = source.size;
    if (source.bytes) {
      this.buf = source.bytes;
      this.len = source.size;
    } else this.buf = source.alloc(Math.max(16, Math.min(chunkBytes, source.size)));
  }

  /** Make offset `p` available; false when it is past the end of the file. */
  fill(p: number): boolean {
    while (p - this.base >= this.len) {
      if (p >= this.size) return false;
      const drop = this.pin - this.base;
      if (drop > 0) {
        this.buf.copyWithin(0, drop, this.len);
        this.base = this.pin;
        this.len -= drop;
      }
      // A pinned run longer than the buffer (one huge element) makes the buffer grow instead.
      if (this.len === this.buf.length) {
        const bigger = this.source.alloc(this.buf.length * 2);
        bigger.set(this.buf);
        this.buf = bigger;
      }
      const at = this.base + this.len;
      const got = this.source.read(
        this.buf,
        this.len,
        Math.min(this.buf.length - this.len, this.size - at),
        at,
      );
      // The file shrank while we read it: what is there is all there is.
      if (got <= 0) this.size = at;
      this.len += Math.max(0, got);
    }
    return true;
  }

  /** The byte at offset `p`, or -1 past the end of the file. */
  byte(p: number): number {
    const k = p - this.base;
    if (k < this.len) return this.buf[k]!;
    return this.fill(p) ? this.buf[p - this.base]! : -1;
  }

  /** Offset of the first `b` at or after `p`, or -1 when there is none before the end of the file. */
  indexOf(b: number, p: number): number {
    for (;;) {
      const k = p - this.base;
      if (k < this.len) {
        const q = this.buf.indexOf(b, k);
        // `buf` past `len` holds stale bytes from an earlier fill: a hit there does not count.
        if (q >= 0 && q < this.len) return this.base + q;
        p = this.base + this.len;
      }
      if (!this.fill(p)) return -1;
    }
  }

  /** The bytes `[from, to)`, which must be inside the window (at or after `pin`). */
  view(from: number, to: number): Uint8Array {
    return this.buf.subarray(from - this.base, to - this.base);
  }
}

/** Line and column (both from 1) of a byte offset, counting newlines from the start of the source. */
export function lineAndColumn(source: ByteSource, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const chunk = source.bytes ?? source.alloc(Math.min(1 << 20, Math.max(1, offset)));
  for (let base = 0; base < offset; ) {
    const bytes = source.bytes ? chunk : chunk.subarray(0, source.read(chunk, 0, chunk.length, base));
    const end = Math.min(bytes.length, offset - base);
    if (end <= 0) break;
    for (let i = bytes.indexOf(0x0a); i >= 0 && i < end; i = bytes.indexOf(0x0a, i + 1)) {
      line++;
      lineStart = base + i + 1;
    }
    base += bytes.length;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Offset of the first byte at or after `start` that is not JSON white space, or `size` when there is none. */
export function firstNonSpace(source: ByteSource, start: number): number {
  const piece = source.bytes ?? source.alloc(Math.min(1 << 16, Math.max(1, source.size)));
  for (let base = start; base < source.size; ) {
    const bytes = source.bytes
      ? piece.subarray(base)
      : piece.subarray(0, source.read(piece, 0, piece.length, base));
    if (bytes.length === 0) break;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09) return base + i;
    }
    base += bytes.length;
  }
  return source.size;
}

/** The first `length` bytes of the source (fewer when it is shorter). */
export function headOf(source: ByteSource, length: number): Uint8Array {
  if (source.bytes) return source.bytes.subarray(0, length);
  const head = source.alloc(Math.min(length, source.size));
  return head.subarray(0, source.read(head, 0, head.length, 0));
}

/** The byte at offset `p` (which must be inside the source). */
export function byteAt(source: ByteSource, p: number): number {
  if (source.bytes) return source.bytes[p]!;
  const one = new Uint8Array(1);
  source.read(one, 0, 1, p);
  return one[0]!;
}
