/**
 * A flat text column of a Parquet file kept as its UTF-8 bytes (`readTextBytes`): one byte buffer and an offset
 * per row, no JavaScript string. The node ids' hash table is built from these bytes (it re-encoded every id
 * string before), and labels stay bytes until a node's attributes are asked for (`TextBytes.string`, the same
 * string `readTextStrings` makes). At 10^6 nodes, making the label strings and collecting them while they all
 * survived was about a sixth of the load.
 */
import type { FileMetaData } from "hyparquet";
import { plainValues, present, walkColumn } from "./_parquet-pages.js";
import { Strings } from "./_parquet-text.js";

/** Row r's text is `bytes[offsets[r]..offsets[r+1])`; a null cell has `nulls[r] === 1` (and no bytes). */
export class TextBytes {
  private readonly strings = new Strings();
  /**
   * Every row's text in one Latin-1 string when all the bytes are ASCII (a row is then a substring of it:
   * no native call per row), null when they are not; undefined until first needed.
   */
  private ascii: string | null | undefined;

  constructor(
    readonly bytes: Uint8Array,
    readonly offsets: Int32Array,
    readonly nulls: Uint8Array | null,
  ) {}

  /** The number of rows. */
  get rows(): number {
    return this.offsets.length - 1;
  }

  /** Row r as the string `readTextStrings` gives (null for a null cell). */
  string(r: number): string | null {
    if (this.nulls !== null && this.nulls[r] === 1) return null;
    const all = this.ascii === undefined ? this.asciiText() : this.ascii;
    if (all !== null) return all.substring(this.offsets[r]!, this.offsets[r + 1]!);
    return this.strings.of(this.bytes, this.offsets[r]!, this.offsets[r + 1]!);
  }

  /** Every row as `string`. */
  allStrings(): (string | null)[] {
    const out = new Array<string | null>(this.rows);
    for (let r = 0; r < out.length; r++) out[r] = this.string(r);
    return out;
  }

  /** `ascii`, computed: the same strings as a decode per row when every byte is ASCII. */
  private asciiText(): string | null {
    const { bytes } = this;
    let ascii = true;
    for (let k = 0; k < bytes.length && ascii; k++) if (bytes[k]! >= 0x80) ascii = false;
    this.ascii = ascii ? (Buffer.prototype.latin1Slice.call(bytes, 0, bytes.length) as string) : null;
    return this.ascii;
  }
}

/** A growable byte buffer. */
class Bytes {
  data = new Uint8Array(1 << 16);
  size = 0;

  push(from: Uint8Array, start: number, end: number): void {
    const length = end - start;
    if (this.size + length > this.data.length) {
      let capacity = this.data.length * 2;
      while (capacity < this.size + length) capacity *= 2;
      const grown = new Uint8Array(capacity);
      grown.set(this.data.subarray(0, this.size));
      this.data = grown;
    }
    // byte by byte: values are short, and a subarray per value would be an object per cell
    const { data } = this;
    let at = this.size;
    for (let k = start; k < end; k++) data[at++] = from[k]!;
    this.size = at;
  }
}

/**
 * A flat text column (`isStringColumn`) as its UTF-8 bytes (see the module comment).
 * @throws Error naming the column and row when the pages are not well formed.
 */
export function readTextBytes(buffer: ArrayBuffer, metadata: FileMetaData, column: string): TextBytes {
  const rows = Number(metadata.num_rows);
  const out = new Bytes();
  const offsets = new Int32Array(rows + 1);
  let nulls: Uint8Array | null = null;
  // dictionary entry k is `dictionary[starts[k]..starts[k+1])`
  let dictionary = new Uint8Array(0);
  let starts = new Int32Array(1);
  walkColumn(buffer, metadata, column, {
    dictionary(page, count) {
      const entries = new Bytes();
      starts = new Int32Array(count + 1);
      plainValues(page, 0, count, column, (k, from, to) => {
        entries.push(page, from, to);
        starts[k + 1] = entries.size;
      });
      dictionary = entries.data;
    },
    rows(row, count, defined, values) {
      let k = 0;
      const next = (r: number): boolean => {
        if (defined && defined[r - row] === 0) {
          nulls ??= new Uint8Array(rows);
          nulls[r] = 1;
          offsets[r + 1] = out.size;
          return false;
        }
        return true;
      };
      if (values.kind === "indices") {
        const { indices } = values;
        const size = starts.length - 1;
        for (let r = row; r < row + count; r++) {
          if (!next(r)) continue;
          const i = indices[k++]!;
          if (!(i >= 0 && i < size))
            throw new Error(`column ${column}, row ${r + 1}: dictionary index ${i} is beyond the dictionary`);
          out.push(dictionary, starts[i]!, starts[i + 1]!);
          offsets[r + 1] = out.size;
        }
      } else if (values.kind === "plain") {
        const { page } = values;
        let r = row;
        plainValues(page, values.at, values.count, column, (_k, from, to) => {
          while (!next(r)) r++;
          out.push(page, from, to);
          offsets[++r] = out.size;
        });
        while (r < row + count && !next(r)) r++;
      } else {
        const { arrays } = values;
        if (arrays.length !== present(count, defined))
          throw new Error(
            `column ${column}: a page at row ${row + 1} holds ${arrays.length} values for its rows`,
          );
        for (let r = row; r < row + count; r++) {
          if (!next(r)) continue;
          const b = arrays[k++];
          if (!(b instanceof Uint8Array))
            throw new Error(`column ${column}, row ${r + 1}: a value is not text`);
          out.push(b, 0, b.length);
          offsets[r + 1] = out.size;
        }
      }
    },
  });
  return new TextBytes(out.data.subarray(0, out.size), offsets, nulls);
}
