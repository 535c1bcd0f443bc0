/**
 * The columns of one Parquet file, decoded from its bytes: flat text and DOUBLE columns page by page
 * (`_parquet-text.ts`: as integer codes, bytes or strings; `_parquet-numbers.ts`), the rest by hyparquet's
 * reader. A module of its own, importing only hyparquet and the page readers, so that the edge table's worker
 * thread (`formats/_parquet-edges-worker.ts`) starts without loading the schema or the other formats.
 */
import type { FileMetaData } from "hyparquet";
import { parquetRead } from "hyparquet";
import { readTextBytes, type TextBytes } from "./_parquet-bytes.js";
import { isFlatText } from "./_parquet-pages.js";
import { isStringColumn, readTextCodes, readTextStrings, type TextCode } from "./_parquet-text.js";
import { isFlatDouble, readDoubles } from "./_parquet-numbers.js";

/** A typed array as hyparquet gives a REQUIRED column (`set` typed loosely: the chunks are of one kind). */
type TypedColumn = ArrayLike<unknown> & { set(from: ArrayLike<unknown>, at: number): void };

/**
 * Text columns to read as integer codes (`_parquet-text.ts`): the code of each distinct text's UTF-8 bytes,
 * kept per row (`NULL_CODE` for a null cell). Edge ends are read this way as node positions.
 */
export interface CodedColumns {
  /** How to code the column with this header, or undefined to read it as text. */
  codeOf(header: string): TextCode | undefined;
  /** True to keep the text column with this header as UTF-8 bytes (`ParquetTable.texts`). */
  asBytes?(header: string): boolean;
  /**
   * True to make the coded and the REQUIRED DOUBLE columns on SharedArrayBuffers: the edges' worker thread
   * reads them while the thread it hands them to checks them, with no copy.
   */
  shared?: boolean;
  /**
   * Called with each column read as bytes (`asBytes`) as soon as it is read: those are read first, so that the
   * caller can act on one (the nodes' ids: their hash table goes to the edges' worker) before the rest are.
   */
  read?(header: string, text: TextBytes): void;
}

/** A table's columns, in header order (see `ParquetTable`). */
export interface DecodedColumns {
  columns: ArrayLike<unknown>[];
  /** The headers of the columns read as codes (an Int32Array each). */
  coded?: ReadonlySet<string>;
  /** The columns read as bytes, by index (their `columns` entry is an empty array). */
  texts?: Map<number, TextBytes>;
}

/**
 * Decode every column of a Parquet file (its bytes, metadata and flat header), as `coding` says.
 * @throws Error naming the column (and row) when the data cannot be decoded.
 */
export async function decodeParquetColumns(
  buffer: ArrayBuffer,
  metadata: FileMetaData,
  header: string[],
  coding?: CodedColumns,
): Promise<DecodedColumns> {
  const rows = Number(metadata.num_rows);
  const chunks = header.map(() => [] as Array<{ start: number; data: ArrayLike<unknown> }>);
  const at = new Map(header.map((h, i) => [h, i]));
  // Flat text and DOUBLE columns page by page (`_parquet-text.ts`: as integer codes or strings;
  // `_parquet-numbers.ts`), the rest by hyparquet's reader.
  const coded = new Map<number, Int32Array>();
  const decoded = new Map<number, ArrayLike<unknown>>();
  const texts = new Map<number, TextBytes>();
  const onChunk = (chunk: { columnName: string; rowStart: number; columnData: ArrayLike<unknown> }) =>
    chunks[at.get(chunk.columnName)!]!.push({ start: chunk.rowStart, data: chunk.columnData });
  // the columns kept as bytes first (`CodedColumns.read`), then the rest; each lands at its own index
  const asBytes = (c: number) =>
    coding?.asBytes?.(header[c]!) === true && isStringColumn(metadata, header[c]!);
  const order = [...header.keys()].sort((a, b) => Number(asBytes(b)) - Number(asBytes(a)) || a - b);
  for (const c of order) {
    const code = coding?.codeOf(header[c]!);
    if (code && isFlatText(metadata, header[c]!))
      coded.set(c, readTextCodes(buffer, metadata, header[c]!, code, coding?.shared));
    else if (asBytes(c)) {
      const text = readTextBytes(buffer, metadata, header[c]!);
      texts.set(c, text);
      decoded.set(c, []);
      coding?.read?.(header[c]!, text);
    } else if (isStringColumn(metadata, header[c]!))
      decoded.set(c, readTextStrings(buffer, metadata, header[c]!));
    else if (isFlatDouble(metadata, header[c]!))
      decoded.set(c, readDoubles(buffer, metadata, header[c]!, coding?.shared));
  }
  const rest = header.filter((_, c) => !coded.has(c) && !decoded.has(c));
  if (rest.length > 0) await parquetRead({ file: buffer, metadata, columns: rest, onChunk });
  const columns = chunks.map((list, c) => {
    if (coded.has(c)) return coded.get(c)!;
    if (decoded.has(c)) return decoded.get(c)!;
    if (list.length === 1 && list[0]!.data.length === rows) return list[0]!.data;
    list.sort((a, b) => a.start - b.start);
    // Row groups in order and plain arrays (text, OPTIONAL columns): one concat, a block copy, where a copy
    // cell by cell into a fresh 3.7-million-slot array cost about a second at 10^6 nodes.
    let at = 0;
    let plain = true;
    for (const { start, data } of list) {
      if (start !== at || !Array.isArray(data)) plain = false;
      at += data.length;
    }
    if (plain && at === rows) return ([] as unknown[]).concat(...list.map((c) => c.data as unknown[]));
    // Row groups of one typed array kind (a REQUIRED number column): one typed array, where a plain array
    // would box every double (millions of heap numbers for the collector at 10^6 nodes).
    const first = list[0]?.data;
    if (ArrayBuffer.isView(first) && list.every((c) => c.data.constructor === first.constructor)) {
      const Kind = first.constructor as new (n: number) => TypedColumn;
      const out = new Kind(rows);
      for (const { start, data } of list) out.set(data as TypedColumn, start);
      return out;
    }
    const out = new Array<unknown>(rows);
    for (const { start, data } of list) for (let i = 0; i < data.length; i++) out[start + i] = data[i];
    return out;
  });
  const codedNames = new Set([...coded.keys()].map((c) => header[c]!));
  return {
    columns,
    ...(coded.size > 0 ? { coded: codedNames } : {}),
    ...(texts.size > 0 ? { texts } : {}),
  };
}
