/**
 * Writing a graph as CSV tables (nodes, edges, graph): the inverse of `csv.ts`, so that a graph survives
 * JSON → CSV → JSON unchanged. Text cells that a spreadsheet would run as formulas are neutralised.
 */
import { stringify } from "csv-stringify/sync";
import { KNOWN_EDGE_KEYS, KNOWN_GRAPH_KEYS, KNOWN_NODE_KEYS } from "../../model/schema.js";
import type { SupplyGraph } from "../../model/types.js";
import type { Owner } from "./_attributes.js";
import { protectTextCell } from "./_csv-cells.js";
import { encodeValue, type Scalar } from "./_encode.js";

type Raw = Record<string, unknown>;

/** The three tables of a graph as CSV text. */
export interface CsvOutput {
  nodes: string;
  edges: string;
  graph: string;
}

/** Cell text of an encoded value: numbers and booleans as they are, text protected against formulas. */
function cell(value: Scalar | undefined): string {
  if (value === undefined) return "";
  return typeof value === "string" ? protectTextCell(value) : String(value);
}

/**
 * Columns for a set of rows: the format's attributes in the schema's order, then the others sorted, with a
 * type suffix (`tier:number`) when they are not text so that they read back typed.
 */
export function columnsFor(rows: Raw[], known: ReadonlySet<string>): Array<{ name: string; header: string }> {
  const present = new Set<string>();
  for (const r of rows)
    for (const k of Object.keys(r)) if (r[k] !== undefined && r[k] !== null) present.add(k);
  const ordered = [...known].filter((k) => present.has(k));
  const extras = [...present].filter((k) => !known.has(k)).sort();
  return [
    ...ordered.map((name) => ({ name, header: name })),
    ...extras.map((name) => {
      const values = rows.map((r) => r[name]).filter((v) => v !== undefined && v !== null);
      const suffix = values.every((v) => typeof v === "number")
        ? ":number"
        : values.every((v) => typeof v === "boolean")
          ? ":boolean"
          : values.every((v) => typeof v === "string")
            ? ""
            : values.every((v) => Array.isArray(v) && v.every((x) => typeof x === "string"))
              ? ":list"
              : ":json";
      return { name, header: `${name}${suffix}` };
    }),
  ];
}

function encodeRow(
  owner: Owner,
  attrs: Raw,
  columns: Array<{ name: string; header: string }>,
  where: string,
): string[] {
  return columns.map(({ name, header }) => {
    const v = attrs[name];
    if (header.endsWith(":json")) return v === undefined ? "" : protectTextCell(JSON.stringify(v));
    return cell(encodeValue(owner, name, v, where));
  });
}

/**
 * The graph as CSV tables. Ids are written as text, numbers as plain numbers (never Infinity or NaN), text cells
 * that a spreadsheet would run as formulas are prefixed with `'` (read back without it).
 * @throws UnwritableValueError (E_VALUE) for a non-finite number.
 */
export function writeCsv(graph: SupplyGraph): CsvOutput {
  const nodeRows = graph.mapNodes((key, attrs) => ({ key, attrs: attrs as Raw }));
  const edgeRows = graph.mapEdges((key, attrs, source, target) => ({
    key,
    source,
    target,
    attrs: attrs as Raw,
  }));
  const nodeColumns = columnsFor(
    nodeRows.map((r) => r.attrs),
    KNOWN_NODE_KEYS,
  );
  const edgeColumns = columnsFor(
    edgeRows.map((r) => r.attrs),
    KNOWN_EDGE_KEYS,
  );
  const customKeys = edgeRows.some((e) => e.key !== `${e.source}->${e.target}`);
  const nodes = [
    ["id", ...nodeColumns.map((c) => c.header)],
    ...nodeRows.map((n) => [
      protectTextCell(n.key),
      ...encodeRow("node", n.attrs, nodeColumns, `node "${n.key}"`),
    ]),
  ];
  const edges = [
    ["source", "target", ...(customKeys ? ["key"] : []), ...edgeColumns.map((c) => c.header)],
    ...edgeRows.map((e) => [
      protectTextCell(e.source),
      protectTextCell(e.target),
      ...(customKeys ? [protectTextCell(e.key)] : []),
      ...encodeRow("edge", e.attrs, edgeColumns, `edge "${e.key}"`),
    ]),
  ];
  const graphAttrs = graph.getAttributes() as Raw;
  const graphColumns = columnsFor([graphAttrs], KNOWN_GRAPH_KEYS);
  const graphRows = [
    ["attribute", "value"],
    ...graphColumns.map((c) => [c.header, encodeRow("graph", graphAttrs, [c], "the graph")[0]!]),
  ];
  const write = (rows: string[][]) => stringify(rows, { record_delimiter: "\n" });
  return { nodes: write(nodes), edges: write(edges), graph: write(graphRows) };
}
