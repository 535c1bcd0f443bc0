/**
 * Writing a graph as Parquet tables: the CSV layout (`csv-write.ts`: the same columns, headers and cell
 * encodings) in Apache Parquet files, with hyparquet-writer (pure JavaScript, one dependency: hyparquet). Numbers
 * are DOUBLE, booleans BOOLEAN, text UTF-8 strings; ids, sources and targets are REQUIRED (no definition levels
 * to decode on the way back); columns the CSV marks `:json` are Parquet JSON strings. The graph table is the CSV
 * graph table (attribute, value as text) in a Parquet file.
 */
import { parquetWriteBuffer } from "hyparquet-writer";
import { KNOWN_EDGE_KEYS, KNOWN_GRAPH_KEYS, KNOWN_NODE_KEYS } from "../../model/schema.js";
import type { SupplyGraph } from "../../model/types.js";
import type { Owner } from "./_attributes.js";
import { protectTextCell } from "./_csv-cells.js";
import { encodeValue } from "./_encode.js";
import { columnsFor } from "./csv-write.js";

type Raw = Record<string, unknown>;

/** The three tables of a graph as Parquet bytes. */
export interface ParquetOutput {
  nodes: Uint8Array;
  edges: Uint8Array;
  graph: Uint8Array;
}

interface Column {
  name: string;
  data: unknown[];
  type: "STRING" | "DOUBLE" | "BOOLEAN" | "JSON";
  nullable?: boolean;
  /** Dictionary-encode whatever the values (the writer otherwise decides from a sample). */
  dictionary?: boolean;
}

/** One attribute column: its values encoded as in the CSV, typed by what they all are. */
function attributeColumn(
  owner: Owner,
  header: string,
  name: string,
  rows: Raw[],
  where: (i: number) => string,
): Column {
  if (header.endsWith(":json")) {
    // hyparquet hands JSON columns back parsed; the header keeps the CSV's `:json` marker for other readers
    return {
      name: header,
      type: "JSON",
      data: rows.map((r) => (r[name] === undefined ? null : JSON.stringify(r[name]))),
    };
  }
  const data = rows.map((r, i) => encodeValue(owner, name, r[name], where(i)) ?? null);
  const present = data.filter((v) => v !== null);
  const type = present.every((v) => typeof v === "number")
    ? "DOUBLE"
    : present.every((v) => typeof v === "boolean")
      ? "BOOLEAN"
      : "STRING";
  return {
    name: header,
    type,
    data: type === "STRING" ? data.map((v) => (v === null ? null : String(v))) : data,
  };
}

function table(columns: Column[]): Uint8Array {
  const buffer = parquetWriteBuffer({
    columnData: columns.map((c) => ({
      name: c.name,
      data: c.data,
      type: c.type,
      nullable: c.nullable ?? c.data.some((v) => v === null),
      ...(c.dictionary ? { encoding: "RLE_DICTIONARY" as const } : {}),
    })),
    // one row group per 10^6 rows: fewer, larger pages read faster than the writer's preview-sized default
    rowGroupSize: 1_000_000,
    statistics: false,
  });
  return new Uint8Array(buffer);
}

/**
 * The graph as Parquet tables (nodes, edges, graph), column for column the CSV layout.
 * @throws UnwritableValueError (E_VALUE) for a non-finite number.
 */
export function writeParquet(graph: SupplyGraph): ParquetOutput {
  const nodeIds: string[] = [];
  const nodeRows: Raw[] = [];
  graph.forEachNode((key, attrs) => {
    nodeIds.push(key);
    nodeRows.push(attrs as Raw);
  });
  const edgeKeys: string[] = [];
  const sources: string[] = [];
  const targets: string[] = [];
  const edgeRows: Raw[] = [];
  let customKeys = false;
  graph.forEachEdge((key, attrs, source, target) => {
    edgeKeys.push(key);
    sources.push(source);
    targets.push(target);
    edgeRows.push(attrs as Raw);
    if (key !== `${source}->${target}`) customKeys = true;
  });
  const nodeColumns = columnsFor(nodeRows, KNOWN_NODE_KEYS).map((c) =>
    attributeColumn("node", c.header, c.name, nodeRows, (i) => `node "${nodeIds[i]}"`),
  );
  const edgeColumns = columnsFor(edgeRows, KNOWN_EDGE_KEYS).map((c) =>
    attributeColumn("edge", c.header, c.name, edgeRows, (i) => `edge "${edgeKeys[i]}"`),
  );
  const graphAttrs = graph.getAttributes() as Raw;
  const graphColumns = columnsFor([graphAttrs], KNOWN_GRAPH_KEYS);
  const graphValues = graphColumns.map((c) => {
    const v = graphAttrs[c.name];
    // the CSV graph table's cells, text protected as there (read back by the same code)
    if (c.header.endsWith(":json")) return protectTextCell(JSON.stringify(v));
    const e = encodeValue("graph", c.name, v, "the graph");
    return typeof e === "string" ? protectTextCell(e) : String(e);
  });
  return {
    nodes: table([{ name: "id", type: "STRING", data: nodeIds, nullable: false }, ...nodeColumns]),
    edges: table([
      // Edge ends dictionary-encoded: a reader decodes each distinct id once per row group, not once per edge
      // (hyparquet then hands back one shared string per id, and a lookup of a shared string is cheap).
      { name: "source", type: "STRING", data: sources, nullable: false, dictionary: true },
      { name: "target", type: "STRING", data: targets, nullable: false, dictionary: true },
      ...(customKeys ? [{ name: "key", type: "STRING" as const, data: edgeKeys, nullable: false }] : []),
      ...edgeColumns,
    ]),
    graph: table([
      { name: "attribute", type: "STRING", data: graphColumns.map((c) => c.header), nullable: false },
      { name: "value", type: "STRING", data: graphValues, nullable: false },
    ]),
  };
}
