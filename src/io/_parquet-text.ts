/**
 * Flat text (BYTE_ARRAY) columns of a Parquet file read page by page (`_parquet-pages.ts`): as one integer code
 * per row (`readTextCodes`: the caller codes each distinct text's UTF-8 bytes once per dictionary entry, once per
 * cell of a plain page), or as strings (`readTextStrings`: what hyparquet gives, with one string per dictionary
 * entry shared by its rows and no byte-array view per plain cell). A dictionary index beyond its dictionary is
 * an error naming the column and row (hyparquet would read it as undefined).
 */
import type { FileMetaData } from "hyparquet";
import { getSchemaPath } from "hyparquet/src/schema.js";
import { isFlatText, plainValues, present, rowOf, walkColumn } from "./_parquet-pages.js";

/** The code of one text, given as `bytes[from..to)` (UTF-8). */
export type TextCode = (bytes: Uint8Array, from: number, to: number) => number;

/** The code given to a null cell. */
export const NULL_CODE = -1;

/**
 * The codes of a flat text column, one per row, `NULL_CODE` for a null cell (see the module comment); with
 * `shared`, on a SharedArrayBuffer (another thread reads them at the same time).
 * @throws Error naming the column and row when the pages are not well formed.
 */
export function readTextCodes(
  buffer: ArrayBuffer,
  metadata: FileMetaData,
  column: string,
  code: TextCode,
  shared = false,
): Int32Array {
  const rows = Number(metadata.num_rows);
  const out = shared ? new Int32Array(new SharedArrayBuffer(rows * 4)) : new Int32Array(rows);
  let dictionary = new Int32Array(0);
  walkColumn(buffer, metadata, column, {
    dictionary(page, count) {
      dictionary = new Int32Array(count);
      plainValues(page, 0, count, column, (k, from, to) => {
        dictionary[k] = code(page, from, to);
      });
    },
    rows(row, rows, defined, values) {
      // the k-th non-null value of the page → its code (a loop per kind: no callback per row)
      let codes: Int32Array;
      if (values.kind === "indices") {
        codes = values.indices;
        const size = dictionary.length;
        for (let k = 0; k < codes.length; k++) {
          const i = codes[k]!;
          if (!(i >= 0 && i < size))
            throw new Error(
              `column ${column}, row ${rowOf(row, defined, k) + 1}: dictionary index ${i} is beyond the dictionary`,
            );
          codes[k] = dictionary[i]!;
        }
      } else if (values.kind === "plain") {
        const { page } = values;
        codes = new Int32Array(values.count);
        plainValues(page, values.at, values.count, column, (k, from, to) => {
          codes[k] = code(page, from, to);
        });
      } else {
        const { arrays } = values;
        if (arrays.length !== present(rows, defined))
          throw new Error(
            `column ${column}: a page at row ${row + 1} holds ${arrays.length} values for its rows`,
          );
        codes = new Int32Array(arrays.length);
        for (let k = 0; k < arrays.length; k++) {
          const b = arrays[k];
          if (!(b instanceof Uint8Array))
            throw new Error(`column ${column}, row ${rowOf(row, defined, k) + 1}: a value is not text`);
          codes[k] = code(b, 0, b.length);
        }
      }
      if (!defined) out.set(codes.subarray(0, rows), row);
      else for (let r = 0, k = 0; r < rows; r++) out[row + r] = defined[r] === 1 ? codes[k++]! : NULL_CODE;
    },
  });
  return out;
}

/**
 * True when hyparquet would read this flat text column as strings (plain text, UTF8 or STRING annotated), so
 * `readTextStrings` gives what it gives; JSON, UUID, geometry or decimal columns are left to hyparquet.
 */
export function isStringColumn(metadata: FileMetaData, column: string): boolean {
  if (!isFlatText(metadata, column)) return false;
  const path = getSchemaPath(metadata.schema, [column]);
  const { converted_type: converted, logical_type: logical } = path[path.length - 1]!.element;
  return (
    (converted === undefined || converted === "UTF8") && (logical === undefined || logical.type === "STRING")
  );
}

/** Strings from UTF-8 bytes as hyparquet's parser makes them (a TextDecoder, which drops a leading BOM). */
export class Strings {
  private readonly decoder = new TextDecoder();

  of(bytes: Uint8Array, from: number, to: number): string {
    // ASCII (most ids and labels): a Latin-1 slice is the same string, without the decoder's per-call cost
    let ascii = true;
    for (let k = from; k < to; k++)
      if (bytes[k]! >= 0x80) {
        ascii = false;
        break;
      }
    if (ascii) return Buffer.prototype.latin1Slice.call(bytes, from, to);
    return this.decoder.decode(bytes.subarray(from, to));
  }
}

/**
 * A flat text column as strings, null for a null cell: what hyparquet gives for it (`isStringColumn`), with one
 * string per dictionary entry shared by its rows and no byte-array view per plain cell.
 * @throws Error naming the column and row when the pages are not well formed.
 */
export function readTextStrings(
  buffer: ArrayBuffer,
  metadata: FileMetaData,
  column: string,
): (string | null)[] {
  const strings = new Strings();
  const rows = Number(metadata.num_rows);
  const out = new Array<string | null>(rows).fill(null);
  let dictionary: string[] = [];
  walkColumn(buffer, metadata, column, {
    dictionary(page, count) {
      dictionary = new Array<string>(count);
      plainValues(page, 0, count, column, (k, from, to) => {
        dictionary[k] = strings.of(page, from, to);
      });
    },
    rows(row, count, defined, values) {
      // the page's rows, nulls where `defined` says (a loop per kind: no callback per row)
      let k = 0;
      if (values.kind === "indices") {
        const { indices } = values;
        const size = dictionary.length;
        for (let r = row; r < row + count; r++) {
          if (defined && defined[r - row] === 0) continue; // null already
          const i = indices[k++]!;
          if (!(i >= 0 && i < size))
            throw new Error(`column ${column}, row ${r + 1}: dictionary index ${i} is beyond the dictionary`);
          out[r] = dictionary[i]!;
        }
      } else if (values.kind === "plain") {
        const { page } = values;
        let r = row;
        plainValues(page, values.at, values.count, column, (_k, from, to) => {
          if (defined) while (defined[r - row] === 0) r++;
          out[r++] = strings.of(page, from, to);
        });
      } else {
        const { arrays } = values;
        if (arrays.length !== present(count, defined))
          throw new Error(
            `column ${column}: a page at row ${row + 1} holds ${arrays.length} values for its rows`,
          );
        for (let r = row; r < row + count; r++) {
          if (defined && defined[r - row] === 0) continue;
          const b = arrays[k++];
          if (!(b instanceof Uint8Array))
            throw new Error(`column ${column}, row ${r + 1}: a value is not text`);
          out[r] = strings.of(b, 0, b.length);
        }
      }
    },
  });
  return out;
}
