/**
 * Flat columns of a Parquet file read page by page with hyparquet's page decoders (`walkColumn`), for readers
 * that want no JavaScript object per cell (`_parquet-text.ts`, `_parquet-numbers.ts`). Dictionary indices are
 * decoded into an Int32Array: hyparquet decodes them into a JavaScript array per page and then maps each page
 * through its list assembly, and its plain text cells become one Uint8Array view each before their string. At
 * 10^6 nodes and 3.66 million edges those were most of the decode.
 *
 * Every structural fact the readers rely on is checked, not assumed: a length stays within its page, a page
 * holds the values its rows need, and each row group yields exactly its rows (the readers check that each
 * dictionary index is within its dictionary). A broken file throws an Error whose message names the column
 * and the row; the caller turns it into a problem naming the file.
 */
import type { FileMetaData, SchemaElement } from "hyparquet";
import { parquetHeader } from "hyparquet/src/column.js";
import { DEFAULT_PARSERS } from "hyparquet/src/convert.js";
import { decompressPage, readDataPage, readDataPageV2 } from "hyparquet/src/datapage.js";
import { readRleBitPackedHybrid } from "hyparquet/src/encoding.js";
import { getMaxDefinitionLevel, getMaxRepetitionLevel, getSchemaPath } from "hyparquet/src/schema.js";

/**
 * The schema element of `column` when it is a flat leaf (a top-level column, no nesting, no repetition), else
 * null: the only kind of column these readers read.
 */
export function flatLeaf(metadata: FileMetaData, column: string): SchemaElement | null {
  const path = getSchemaPath(metadata.schema, [column]);
  const leaf = path[path.length - 1];
  if (path.length !== 2 || !leaf || leaf.children.length !== 0 || getMaxRepetitionLevel(path) !== 0)
    return null;
  return leaf.element;
}

/** True when `column` of this file is a flat text column these readers can read. */
export function isFlatText(metadata: FileMetaData, column: string): boolean {
  return flatLeaf(metadata, column)?.type === "BYTE_ARRAY";
}

/**
 * What a column's pages hold, handed to a reader row range by row range: a dictionary page's entries, or the
 * rows `row..row+defined.length` (`defined[r]` 0 for a null, null when none is) with their non-null values as
 * dictionary indices, as plain text in a page (`count` length-prefixed values from `at`), or as hyparquet's
 * byte arrays (the other encodings).
 */
export interface PageVisitor {
  dictionary(page: Uint8Array, count: number): void;
  rows(row: number, rows: number, defined: Int32Array | null, values: PageValues): void;
}

export type PageValues =
  | { kind: "indices"; indices: Int32Array }
  | { kind: "plain"; page: Uint8Array; at: number; count: number }
  | { kind: "arrays"; arrays: ArrayLike<unknown> };

/**
 * Walk the pages of a flat column (see `PageVisitor`); returns the number of rows. Any error (ours, or a
 * decoder's on bytes it cannot read) is rethrown naming the column and where its pages went wrong.
 */
export function walkColumn(
  buffer: ArrayBuffer,
  metadata: FileMetaData,
  column: string,
  visit: PageVisitor,
): number {
  try {
    return walkPages(buffer, metadata, column, visit);
  } catch (e) {
    const message = (e as Error).message;
    throw new Error(message.startsWith(`column ${column}`) ? message : `column ${column}: ${message}`);
  }
}

function walkPages(buffer: ArrayBuffer, metadata: FileMetaData, column: string, visit: PageVisitor): number {
  const schemaPath = getSchemaPath(metadata.schema, [column]);
  const element = schemaPath[schemaPath.length - 1]!.element;
  const maxDefinition = getMaxDefinitionLevel(schemaPath);
  const levelWidth = 32 - Math.clz32(maxDefinition);
  let row = 0;
  for (const group of metadata.row_groups) {
    const chunk = group.columns.find((c) => c.meta_data?.path_in_schema.join(".") === column)?.meta_data;
    if (!chunk) throw new Error(`column ${column}: missing from a row group`);
    const decoder: Parameters<typeof readDataPageV2>[2] = {
      pathInSchema: [column],
      type: chunk.type,
      element,
      schemaPath,
      codec: chunk.codec,
      parsers: DEFAULT_PARSERS,
    };
    const dictionaryAt = chunk.dictionary_page_offset;
    const start = Number(
      dictionaryAt && dictionaryAt < chunk.data_page_offset ? dictionaryAt : chunk.data_page_offset,
    );
    const size = Number(chunk.total_compressed_size);
    if (start < 0 || start + size > buffer.byteLength)
      throw new Error(`column ${column}: a column chunk lies outside the file`);
    const reader = { view: new DataView(buffer, start, size), offset: 0 };
    const end = row + Number(group.num_rows);
    let dictionary = false;
    while (row < end) {
      if (reader.offset >= size) throw new Error(`column ${column}: the pages end at row ${row + 1}`);
      const header = parquetHeader(reader);
      const pageSize = header.compressed_page_size;
      if (!(pageSize >= 0 && reader.offset + pageSize <= size))
        throw new Error(`column ${column}: a page runs past its column chunk (row ${row + 1})`);
      const bytes = new Uint8Array(buffer, start + reader.offset, pageSize);
      reader.offset += pageSize;
      const v1 = header.type === "DATA_PAGE" ? header.data_page_header : undefined;
      const v2 = header.type === "DATA_PAGE_V2" ? header.data_page_header_v2 : undefined;
      if (header.type === "DICTIONARY_PAGE") {
        const page = decompressPage(bytes, header.uncompressed_page_size, decoder.codec, undefined);
        visit.dictionary(page, header.dictionary_page_header?.num_values ?? 0);
        dictionary = true;
        continue;
      }
      if (!v1 && !v2) continue; // an index page: nothing to read
      const encoding = (v1 ?? v2)!.encoding;
      const rows = v1 ? v1.num_values : v2!.num_values;
      if (row + rows > end) throw new Error(`column ${column}: a row group holds more rows than it declares`);
      const byIndex = encoding === "RLE_DICTIONARY" || encoding === "PLAIN_DICTIONARY";
      if (byIndex && !dictionary)
        throw new Error(`column ${column}: row ${row + 1} refers to a missing dictionary`);
      if (!byIndex && encoding !== "PLAIN") {
        // the rarer encodings (DELTA_*): hyparquet's page readers, values as byte arrays
        const read = v1
          ? readDataPage(
              decompressPage(bytes, header.uncompressed_page_size, decoder.codec, undefined),
              v1,
              decoder,
            )
          : readDataPageV2(bytes, header, decoder);
        const levels = read.definitionLevels;
        const defined =
          levels && levels.length > 0 ? Int32Array.from(levels, (l) => (l === maxDefinition ? 1 : 0)) : null;
        visit.rows(row, rows, defined, { kind: "arrays", arrays: read.dataPage });
        row += rows;
        continue;
      }
      // levels (flat column: definition levels only), then the values
      let page: Uint8Array;
      let at: number;
      let defined: Int32Array | null = null;
      if (v1) {
        page = decompressPage(bytes, header.uncompressed_page_size, decoder.codec, undefined);
        const pageReader = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 };
        if (maxDefinition > 0) {
          defined = new Int32Array(rows);
          readRleBitPackedHybrid(pageReader, levelWidth, defined); // a 4-byte length first
        }
        at = pageReader.offset;
      } else {
        const levelBytes = v2!.definition_levels_byte_length + v2!.repetition_levels_byte_length;
        if (maxDefinition > 0) {
          defined = new Int32Array(rows);
          const levelReader = {
            view: new DataView(buffer, start + reader.offset - pageSize, levelBytes),
            offset: v2!.repetition_levels_byte_length,
          };
          readRleBitPackedHybrid(levelReader, levelWidth, defined, v2!.definition_levels_byte_length);
        }
        const values = bytes.subarray(levelBytes);
        page =
          v2!.is_compressed === false
            ? values
            : decompressPage(values, header.uncompressed_page_size - levelBytes, decoder.codec, undefined);
        at = 0;
      }
      let count = rows;
      if (defined) {
        count = 0;
        for (let r = 0; r < rows; r++) {
          const d = defined[r] === maxDefinition ? 1 : 0;
          defined[r] = d;
          count += d;
        }
      }
      if (byIndex) {
        const indices = new Int32Array(count);
        const width = page[at];
        if (width === undefined || width > 32)
          throw new Error(`column ${column}: a bad dictionary page at row ${row + 1}`);
        const pageReader = {
          view: new DataView(page.buffer, page.byteOffset, page.byteLength),
          offset: at + 1,
        };
        if (width > 0 && count > 0) readRleBitPackedHybrid(pageReader, width, indices, page.length - at - 1);
        visit.rows(row, rows, defined, { kind: "indices", indices });
      } else visit.rows(row, rows, defined, { kind: "plain", page, at, count });
      row += rows;
    }
  }
  const rows = Number(metadata.num_rows);
  if (row !== rows) throw new Error(`column ${column}: the row groups hold ${row} rows, not ${rows}`);
  return rows;
}

/** Call `each(start, end)` for the `count` length-prefixed values of a plain page from `at`. */
export function plainValues(
  page: Uint8Array,
  at: number,
  count: number,
  column: string,
  each: (k: number, from: number, to: number) => void,
): void {
  const view = new DataView(page.buffer, page.byteOffset, page.byteLength);
  for (let k = 0; k < count; k++) {
    if (at + 4 > page.length) throw new Error(`column ${column}: a page ends early`);
    const length = view.getUint32(at, true);
    at += 4;
    if (at + length > page.length) throw new Error(`column ${column}: a value runs past its page`);
    each(k, at, at + length);
    at += length;
  }
}

/** The number of non-null rows of a page. */
export function present(rows: number, defined: Int32Array | null): number {
  if (!defined) return rows;
  let count = 0;
  for (let r = 0; r < rows; r++) count += defined[r]!;
  return count;
}

/** The row of the k-th non-null value of a page from `row` (for a message). */
export function rowOf(row: number, defined: Int32Array | null, k: number): number {
  if (!defined) return row + k;
  for (let r = 0; r < defined.length; r++) if (defined[r] === 1 && k-- === 0) return row + r;
  return row + defined.length;
}
