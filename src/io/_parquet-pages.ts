/**
 * One flat text (BYTE_ARRAY) column of a Parquet file read page by page with hyparquet's page decoders, as one
 * integer code per row, without a JavaScript string or array per cell. The caller's `code` function sees each
 * distinct text's UTF-8 bytes once per dictionary entry (once per cell of a plain page) and the rows keep the
 * dictionary indices' codes. At 10^6 nodes, hyparquet's own reader turned the 3.66 million edge ends into
 * strings (or one JavaScript array of dictionary values per page) only for the load to look each up again.
 *
 * Every structural fact the codes rely on is checked, not assumed: a dictionary index is within the page's
 * dictionary, a length stays within its page, and each row group yields exactly its rows. A broken file throws
 * an Error whose message names the column and the row; the caller turns it into a problem naming the file.
 */
import { parquetHeader } from "hyparquet/src/column.js";
import { DEFAULT_PARSERS } from "hyparquet/src/convert.js";
import { decompressPage, readDataPage, readDataPageV2 } from "hyparquet/src/datapage.js";
import { getMaxDefinitionLevel, getSchemaPath } from "hyparquet/src/schema.js";
import type { FileMetaData } from "hyparquet";

/** The code of one text, given as `bytes[from..to)` (UTF-8). */
export type TextCode = (bytes: Uint8Array, from: number, to: number) => number;

/** The code given to a null cell. */
export const NULL_CODE = -1;

/** True when `column` of this file is a flat text column `readTextCodes` can read. */
export function isFlatText(metadata: FileMetaData, column: string): boolean {
  const path = getSchemaPath(metadata.schema, [column]);
  const leaf = path[path.length - 1];
  return path.length === 2 && leaf?.element.type === "BYTE_ARRAY" && leaf.children.length === 0;
}

/**
 * The codes of a flat text column, one per row, `NULL_CODE` for a null cell (see the module comment).
 * @throws Error naming the column and row when the pages are not well formed.
 */
export function readTextCodes(
  buffer: ArrayBuffer,
  metadata: FileMetaData,
  column: string,
  code: TextCode,
): Int32Array {
  const schemaPath = getSchemaPath(metadata.schema, [column]);
  const element = schemaPath[schemaPath.length - 1]!.element;
  const maxDefinition = getMaxDefinitionLevel(schemaPath);
  const out = new Int32Array(Number(metadata.num_rows));
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
    const start = Number(dictionaryAt && dictionaryAt < chunk.data_page_offset ? dictionaryAt : chunk.data_page_offset);
    const size = Number(chunk.total_compressed_size);
    if (start < 0 || start + size > buffer.byteLength)
      throw new Error(`column ${column}: a column chunk lies outside the file`);
    const reader = { view: new DataView(buffer, start, size), offset: 0 };
    const end = row + Number(group.num_rows);
    let dictionary: Int32Array | undefined;
    while (row < end) {
      if (reader.offset >= size) throw new Error(`column ${column}: the pages end at row ${row + 1}`);
      const header = parquetHeader(reader);
      const pageSize = header.compressed_page_size;
      if (pageSize < 0 || reader.offset + pageSize > size)
        throw new Error(`column ${column}: a page runs past its column chunk (row ${row + 1})`);
      const bytes = new Uint8Array(buffer, start + reader.offset, pageSize);
      reader.offset += pageSize;
      if (header.type === "DICTIONARY_PAGE") {
        const page = decompressPage(bytes, header.uncompressed_page_size, decoder.codec, undefined);
        dictionary = dictionaryCodes(page, header.dictionary_page_header?.num_values ?? 0, code, column);
        continue;
      }
      let levels: number[] | undefined;
      let values: ArrayLike<unknown>;
      let encoding: string;
      if (header.type === "DATA_PAGE" && header.data_page_header) {
        const page = decompressPage(bytes, header.uncompressed_page_size, decoder.codec, undefined);
        ({ definitionLevels: levels, dataPage: values } = readDataPage(page, header.data_page_header, decoder));
        encoding = header.data_page_header.encoding;
      } else if (header.type === "DATA_PAGE_V2" && header.data_page_header_v2) {
        ({ definitionLevels: levels, dataPage: values } = readDataPageV2(bytes, header, decoder));
        encoding = header.data_page_header_v2.encoding;
      } else continue; // an index page: nothing to read
      const byIndex = encoding.endsWith("_DICTIONARY");
      if (byIndex && !dictionary) throw new Error(`column ${column}: row ${row + 1} refers to a missing dictionary`);
      const rows = levels && levels.length > 0 ? levels.length : values.length;
      if (row + rows > end) throw new Error(`column ${column}: a row group holds more rows than it declares`);
      let next = 0;
      for (let r = 0; r < rows; r++, row++) {
        if (levels && levels.length > 0 && levels[r] !== maxDefinition) {
          out[row] = NULL_CODE;
          continue;
        }
        const v = values[next++];
        if (byIndex) {
          const i = v as number;
          if (!(i >= 0 && i < dictionary!.length))
            throw new Error(`column ${column}, row ${row + 1}: dictionary index ${i} is beyond the dictionary`);
          out[row] = dictionary![i]!;
        } else if (v instanceof Uint8Array) out[row] = code(v, 0, v.length);
        else throw new Error(`column ${column}, row ${row + 1}: a value is not text`);
      }
      if (next !== values.length) throw new Error(`column ${column}: a page holds more values than rows`);
    }
  }
  if (row !== out.length) throw new Error(`column ${column}: the row groups hold ${row} rows, not ${out.length}`);
  return out;
}

/** The codes of a dictionary page's entries (PLAIN: a 4-byte little-endian length, then the bytes). */
function dictionaryCodes(page: Uint8Array, count: number, code: TextCode, column: string): Int32Array {
  const codes = new Int32Array(count);
  const view = new DataView(page.buffer, page.byteOffset, page.byteLength);
  let at = 0;
  for (let k = 0; k < count; k++) {
    if (at + 4 > page.length) throw new Error(`column ${column}: the dictionary ends early`);
    const length = view.getUint32(at, true);
    at += 4;
    if (at + length > page.length) throw new Error(`column ${column}: a dictionary entry runs past its page`);
    codes[k] = code(page, at, at + length);
    at += length;
  }
  return codes;
}
