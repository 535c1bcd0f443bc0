/**
 * A flat DOUBLE column of a Parquet file read page by page (`_parquet-pages.ts`): a REQUIRED column as one
 * Float64Array, an OPTIONAL one as numbers with null for a null cell, as hyparquet gives them. hyparquet decodes
 * a dictionary-encoded page's indices into a JavaScript array of the page's rows, then each page through its
 * list assembly; at 10^6 nodes and 3.66 million edges those arrays were a large share of the collector's work.
 */
import type { FileMetaData } from "hyparquet";
import { getMaxDefinitionLevel, getSchemaPath } from "hyparquet/src/schema.js";
import { flatLeaf, walkColumn } from "./_parquet-pages.js";

/** True when `column` is a flat DOUBLE column with no annotation (plain numbers for hyparquet too). */
export function isFlatDouble(metadata: FileMetaData, column: string): boolean {
  const leaf = flatLeaf(metadata, column);
  return leaf?.type === "DOUBLE" && leaf.converted_type === undefined && leaf.logical_type === undefined;
}

/** `count` little-endian doubles of a page from byte `at`. */
function doubles(page: Uint8Array, at: number, count: number, column: string): Float64Array {
  if (at + count * 8 > page.length) throw new Error(`column ${column}: a page ends early`);
  // a copy: the page's doubles need not be 8-byte aligned for a Float64Array view
  return new Float64Array(page.slice(at, at + count * 8).buffer);
}

/**
 * A flat DOUBLE column (`isFlatDouble`): a Float64Array when REQUIRED (on a SharedArrayBuffer with `shared`:
 * another thread reads it at the same time), else numbers and nulls.
 * @throws Error naming the column and row when the pages are not well formed.
 */
export function readDoubles(
  buffer: ArrayBuffer,
  metadata: FileMetaData,
  column: string,
  shared = false,
): Float64Array | (number | null)[] {
  const rows = Number(metadata.num_rows);
  const required = getMaxDefinitionLevel(getSchemaPath(metadata.schema, [column])) === 0;
  const out: Float64Array | (number | null)[] = required
    ? shared
      ? new Float64Array(new SharedArrayBuffer(rows * 8))
      : new Float64Array(rows)
    : new Array<number | null>(rows).fill(null);
  let dictionary: Float64Array = new Float64Array(0);
  walkColumn(buffer, metadata, column, {
    dictionary(page, count) {
      dictionary = doubles(page, 0, count, column);
    },
    rows(row, count, defined, values) {
      if (values.kind === "indices" && !defined && out instanceof Float64Array) {
        // a dictionary page of a REQUIRED column straight into the column: no page of doubles in between
        const { indices } = values;
        if (indices.length !== count)
          throw new Error(
            `column ${column}: a page from row ${row + 1} holds ${indices.length} values for its rows`,
          );
        const size = dictionary.length;
        for (let k = 0; k < count; k++) {
          const i = indices[k]!;
          if (!(i >= 0 && i < size))
            throw new Error(
              `column ${column}: dictionary index ${i} is beyond the dictionary (a page from row ${row + 1})`,
            );
          out[row + k] = dictionary[i]!;
        }
        return;
      }
      let page: ArrayLike<unknown>;
      if (values.kind === "plain") page = doubles(values.page, values.at, values.count, column);
      else if (values.kind === "arrays") page = values.arrays;
      else {
        const { indices } = values;
        const size = dictionary.length;
        const gathered = new Float64Array(indices.length);
        for (let k = 0; k < indices.length; k++) {
          const i = indices[k]!;
          if (!(i >= 0 && i < size))
            throw new Error(
              `column ${column}: dictionary index ${i} is beyond the dictionary (a page from row ${row + 1})`,
            );
          gathered[k] = dictionary[i]!;
        }
        page = gathered;
      }
      let k = 0;
      for (let r = row; r < row + count; r++) {
        if (defined && defined[r - row] === 0) continue; // null already
        if (k >= page.length)
          throw new Error(`column ${column}, row ${r + 1}: the page holds fewer values than rows`);
        const v = page[k++];
        if (typeof v !== "number") throw new Error(`column ${column}, row ${r + 1}: a value is not a number`);
        out[r] = v;
      }
      if (k !== page.length)
        throw new Error(`column ${column}: a page from row ${row + 1} holds more values than rows`);
    },
  });
  return out;
}
