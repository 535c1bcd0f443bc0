/**
 * CSV: a nodes table and an edges table (and optionally a graph table), as spreadsheets and Gephi's data
 * laboratory use them. Parsed with csv-parse and NEVER typed by guessing (`0012` stays the id `0012`; csv-parse's
 * dynamic typing would make it 12): a column is numeric only when the format says so (`capacity`, `volume`,
 * `lat`, ...) or its header says so (`tier:number`), and then a cell such as `1,000` is an error with its line
 * and column. Header names are attribute names; `recipe` is `material:amount;material:amount`, lists (`sources`)
 * are `;`-separated. Files may start with a byte-order mark and use `,`, `;` or tab as the delimiter.
 *
 * Layout: a folder holding `nodes.csv`, `edges.csv` and optionally `graph.csv` (two columns: attribute,
 * value), or explicit paths. Without a graph table the stages are inferred from the nodes (with a warning).
 */
import { parse } from "csv-parse/sync";
import type { GraphCheckResult } from "../../model/graph-checks.js";
import type { Problem } from "../../model/types.js";
import { canonicalName, decodeList, type Owner, parseStrictNumber } from "./_attributes.js";
import { unprotectTextCell } from "./_csv-cells.js";
import { finishImport, type ImportedGraph, type ImportOptions } from "./_import.js";
import { EDGE_KEY, EDGE_SOURCE, EDGE_TARGET, NODE_ID, squash } from "./_table-headers.js";

export { EDGE_KEY, EDGE_SOURCE, EDGE_TARGET, NODE_ID, squash };

type Raw = Record<string, unknown>;

/** The text of one table and the name used for it in problems. */
export interface CsvText {
  text: string;
  name: string;
}

interface Row {
  line: number;
  cells: string[];
}
interface Table {
  name: string;
  header: string[];
  rows: Row[];
}

/** An error problem of the CSV reader. */
export function csvProblem(code: string, path: string, message: string, hint?: string): Problem {
  return { severity: "error", code, path, message, ...(hint ? { hint } : {}) };
}

function cellPath(table: Table, line: number, column?: number): string {
  if (column === undefined) return `${table.name} line ${line}`;
  const name = table.header[column] ?? "";
  return `${table.name} line ${line}, column ${column + 1} (${name})`;
}

/** The delimiter of a table from its header line: `,` unless the header has none and has `;` or tabs. */
function sniffDelimiter(text: string): string {
  const first = text.slice(0, text.indexOf("\n") === -1 ? text.length : text.indexOf("\n"));
  if (first.includes(",")) return ",";
  if (first.includes(";")) return ";";
  if (first.includes("\t")) return "\t";
  return ",";
}

function readTable({ text, name }: CsvText): Table | Problem {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      delimiter: sniffDelimiter(text),
      cast: false,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (e) {
    const err = e as Error & { code?: string; lines?: number; column?: number };
    const where = err.lines !== undefined ? ` line ${err.lines}` : "";
    return csvProblem(
      "E_PARSE",
      `${name}${where}`,
      `malformed CSV: ${err.message}`,
      err.code === "CSV_QUOTE_NOT_CLOSED"
        ? 'close the quote ("...") opened on that line or before'
        : undefined,
    );
  }
  const [head, ...body] = records;
  if (!head) return csvProblem("E_EMPTY_FILE", name, `${name} has no header row`);
  const header = head.record.map((h) => h.trim());
  const rows: Row[] = [];
  for (const { record, info } of body) {
    if (record.every((c) => c.trim() === "")) continue;
    // csv-parse reports the line a record ENDS on; quoted cells may span lines.
    const inner = record.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
    rows.push({ line: info.lines - inner, cells: record });
  }
  return { name, header, rows };
}

/** A header `name` or `name:type` (type = number, boolean, json, list, string). */
export function columnSpec(header: string): { name: string; type: string } {
  const m = /^(.*):(number|boolean|json|list|string)$/i.exec(header);
  const raw = m ? m[1]!.trim() : header;
  return { name: raw, type: m ? m[2]!.toLowerCase() : "" };
}

/** One cell → a value: text unprotected, typed columns parsed; numeric columns of the format stay text here. */
export function cellValue(
  spec: { name: string; type: string },
  cell: string,
  path: string,
  problems: Problem[],
): unknown {
  if (cell.trim() === "") return undefined;
  switch (spec.type) {
    case "number": {
      const n = parseStrictNumber(cell);
      if (Number.isNaN(n))
        problems.push(
          csvProblem("E_TYPE", path, `"${spec.name}" must be a number, got ${JSON.stringify(cell)}`),
        );
      return n;
    }
    case "boolean": {
      const t = cell.trim().toLowerCase();
      if (t !== "true" && t !== "false")
        problems.push(
          csvProblem("E_TYPE", path, `"${spec.name}" must be true or false, got ${JSON.stringify(cell)}`),
        );
      return t === "true";
    }
    case "json":
      try {
        return JSON.parse(unprotectTextCell(cell));
      } catch {
        problems.push(csvProblem("E_TYPE", path, `"${spec.name}" must be JSON, got ${JSON.stringify(cell)}`));
        return undefined;
      }
    case "list":
      return decodeList(unprotectTextCell(cell));
    default:
      return unprotectTextCell(cell);
  }
}

/** Attributes of one row, with the column index of each canonical attribute name for problem paths. */
function rowAttributes(table: Table, row: Row, skip: ReadonlySet<number>, problems: Problem[]): Raw {
  const attrs: Raw = {};
  table.header.forEach((h, c) => {
    if (skip.has(c)) return;
    const spec = columnSpec(h);
    const value = cellValue(spec, row.cells[c] ?? "", cellPath(table, row.line, c), problems);
    if (value !== undefined)
      Object.defineProperty(attrs, spec.name, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  });
  return attrs;
}

/** Column index of each canonical attribute name, for mapping problems back to cells. */
function columnsByName(owner: Owner, table: Table): Map<string, number> {
  const map = new Map<string, number>();
  table.header.forEach((h, c) => {
    const name = columnSpec(h).name;
    map.set(name, c);
    map.set(canonicalName(owner, name), c);
  });
  return map;
}

function findColumn(table: Table, names: ReadonlySet<string>): number {
  return table.header.findIndex((h) => names.has(squash(h)));
}

/** Check CSV tables (text) and build the graph when valid; never throws on bad data. */
export function checkCsvTables(
  tables: { nodes: CsvText; edges: CsvText; graph?: CsvText },
  options: ImportOptions = {},
): GraphCheckResult {
  const parsed = [tables.nodes, tables.edges, ...(tables.graph ? [tables.graph] : [])].map(readTable);
  const failed = parsed.filter((t): t is Problem => "code" in t);
  if (failed.length > 0) return { graph: null, problems: failed };
  const [nodes, edges, graphTable] = parsed as Table[];
  const problems: Problem[] = [];

  const idCol = findColumn(nodes!, NODE_ID);
  const sourceCol = findColumn(edges!, EDGE_SOURCE);
  const targetCol = findColumn(edges!, EDGE_TARGET);
  if (idCol < 0)
    problems.push(
      csvProblem(
        "E_SCHEMA",
        `${nodes!.name} line 1`,
        `${nodes!.name} has no id column`,
        "name the first column id",
      ),
    );
  if (sourceCol < 0 || targetCol < 0)
    problems.push(
      csvProblem("E_SCHEMA", `${edges!.name} line 1`, `${edges!.name} needs a source and a target column`),
    );
  for (const t of [nodes!, edges!, ...(graphTable ? [graphTable] : [])]) {
    const seen = new Map<string, number>();
    t.header.forEach((h, c) => {
      const s = squash(h);
      if (seen.has(s))
        problems.push(
          csvProblem(
            "E_SCHEMA",
            cellPath(t, 1, c),
            `column "${h}" appears twice (columns ${seen.get(s)! + 1} and ${c + 1})`,
          ),
        );
      else seen.set(s, c);
    });
  }
  if (problems.length > 0) return { graph: null, problems };

  const keyCol = findColumn(edges!, EDGE_KEY);
  // Gephi's edge table: Type is Directed/Undirected; Weight 1 is its default, not a quantity.
  const typeCol = edges!.header.findIndex((h) => squash(h) === "type");
  const weightCol = edges!.header.findIndex((h) => squash(h) === "weight");

  const imported: ImportedGraph = { attributes: {}, nodes: [], edges: [] };
  for (const row of nodes!.rows) {
    const key = unprotectTextCell((row.cells[idCol] ?? "").trim());
    if (key === "") {
      problems.push(csvProblem("E_SCHEMA", cellPath(nodes!, row.line, idCol), "the node has no id"));
      continue;
    }
    imported.nodes.push({ key, attributes: rowAttributes(nodes!, row, new Set([idCol]), problems) });
  }
  const nodeRows = nodes!.rows.filter((r) => (r.cells[idCol] ?? "").trim() !== "");
  const edgeSkip = new Set([sourceCol, targetCol, keyCol, typeCol].filter((c) => c >= 0));
  let undirected = 0;
  for (const row of edges!.rows) {
    if (
      typeCol >= 0 &&
      (row.cells[typeCol] ?? "").trim() !== "" &&
      squash(row.cells[typeCol]!) !== "directed"
    ) {
      if (undirected++ === 0)
        problems.push(
          csvProblem(
            "E_SCHEMA",
            cellPath(edges!, row.line, typeCol),
            `edge type "${row.cells[typeCol]}": a supply graph is directed, supplier -> customer`,
          ),
        );
      continue;
    }
    const attributes = rowAttributes(edges!, row, edgeSkip, problems);
    if (weightCol >= 0 && parseStrictNumber(String(row.cells[weightCol] ?? "")) === 1)
      delete attributes[edges!.header[weightCol]!];
    const key = keyCol >= 0 ? unprotectTextCell((row.cells[keyCol] ?? "").trim()) : "";
    imported.edges.push({
      ...(key !== "" ? { key } : {}),
      source: unprotectTextCell((row.cells[sourceCol] ?? "").trim()),
      target: unprotectTextCell((row.cells[targetCol] ?? "").trim()),
      attributes,
    });
  }
  if (graphTable) {
    for (const row of graphTable.rows) {
      const [name = "", value = ""] = row.cells;
      const spec = columnSpec(name.trim());
      const v = cellValue(spec, value, cellPath(graphTable, row.line, 1), problems);
      if (v !== undefined)
        Object.defineProperty(imported.attributes, spec.name, {
          value: v,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
  }
  if (problems.some((p) => p.severity === "error")) return { graph: null, problems };

  const nodeColumns = columnsByName("node", nodes!);
  const edgeColumns = columnsByName("edge", edges!);
  const edgeRows = edges!.rows;
  const graphLine = new Map<string, number>(
    graphTable?.rows.map((r) => [
      canonicalName("graph", columnSpec((r.cells[0] ?? "").trim()).name),
      r.line,
    ]) ?? [],
  );
  return finishImport(
    imported,
    {
      graph: (a) => {
        const line = a === undefined ? undefined : graphLine.get(a);
        return graphTable ? (line ? cellPath(graphTable, line, 1) : graphTable.name) : "";
      },
      node: (i, a) => {
        const row = nodeRows[i]!;
        const col = a === undefined ? undefined : a === "key" ? idCol : nodeColumns.get(a);
        return cellPath(nodes!, row.line, col);
      },
      edge: (i, a) => {
        const row = edgeRows[i]!;
        const col =
          a === undefined
            ? undefined
            : a === "source"
              ? sourceCol
              : a === "target"
                ? targetCol
                : a === "key"
                  ? keyCol
                  : edgeColumns.get(a);
        return cellPath(edges!, row.line, col !== undefined && col >= 0 ? col : undefined);
      },
    },
    options,
  );
}
