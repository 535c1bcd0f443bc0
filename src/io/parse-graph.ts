/**
 * Text or bytes of a graph file → a validated `SupplyGraph`. Pure (no file system): the viewer uses the same
 * functions on dropped files, so the CLI and the browser report the same problems.
 */
import { GraphFileError } from "../model/errors.js";
import {
  checkSerializedGraph,
  type GraphCheckOptions,
  type GraphCheckResult,
} from "../model/graph-checks.js";
import type { Problem, SupplyGraph } from "../model/types.js";
import { decodeGraphBytes } from "./_decode.js";

/** Options of `parseGraph` and `checkGraphText`. */
export interface ParseGraphOptions extends GraphCheckOptions {
  /** Name used in error messages. */
  file?: string;
}

/** Parse JSON text, turning V8's SyntaxError into a problem with offset, line and column. */
function parseJson(text: string): { data: unknown } | { problem: Problem } {
  if (text.trim() === "")
    return {
      problem: {
        severity: "error",
        code: "E_EMPTY_FILE",
        path: "",
        message: "the file holds only white space",
      },
    };
  const first = text.trimStart()[0];
  if (first === "<") {
    const kind = /<(gexf|graphml)\b/i.test(text.slice(0, 4096)) ? "GEXF/GraphML (XML)" : "HTML or XML";
    return {
      problem: {
        severity: "error",
        code: "E_PARSE",
        path: "",
        message: `this looks like ${kind}, not JSON`,
        hint: "name the file .gexf or .graphml, or use `chokepoint convert`",
      },
    };
  }
  try {
    return { data: JSON.parse(text) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const m = /position (\d+)/.exec(message);
    const offset = m ? Number(m[1]) : /end of JSON input/.test(message) ? text.length : undefined;
    let where = "";
    if (offset !== undefined) {
      const before = text.slice(0, offset).split("\n");
      where = ` at offset ${offset} (line ${before.length}, column ${before[before.length - 1]!.length + 1})`;
    }
    const unexpectedEnd = /end of JSON input|Unterminated/.test(message);
    return {
      problem: {
        severity: "error",
        code: "E_PARSE",
        path: "",
        message: `${unexpectedEnd ? "unexpected end of input" : "invalid JSON"}${where}: ${message}`,
      },
    };
  }
}

/** Check graph-file text and build the graph when valid; never throws on bad data. */
export function checkGraphText(text: string, options: ParseGraphOptions = {}): GraphCheckResult {
  const parsed = parseJson(text);
  if ("problem" in parsed) return { graph: null, problems: [parsed.problem] };
  return checkSerializedGraph(parsed.data, options);
}

/** Check graph-file bytes (encoding first, then as text). */
export function checkGraphBytes(bytes: Uint8Array, options: ParseGraphOptions = {}): GraphCheckResult {
  const decoded = decodeGraphBytes(bytes);
  if ("problem" in decoded) return { graph: null, problems: [decoded.problem] };
  return checkGraphText(decoded.text, options);
}

/** Throw a GraphFileError listing every error of a check result, or return its graph. */
export function graphOrThrow(result: GraphCheckResult, file: string): SupplyGraph {
  if (result.graph && !result.problems.some((p) => p.severity === "error")) return result.graph;
  throw new GraphFileError(file, result.problems);
}

/**
 * Parse graph-file JSON text into a validated graph.
 * @throws GraphFileError listing every problem (file, JSON path, node or edge id, hint).
 */
export function parseGraph(text: string, options: ParseGraphOptions = {}): SupplyGraph {
  return graphOrThrow(checkGraphText(text, options), options.file ?? "<input>");
}
