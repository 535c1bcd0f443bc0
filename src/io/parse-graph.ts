/**
 * Text or bytes of a graph file → a validated `SupplyGraph`. Pure (no file system): the viewer uses the same
 * functions on dropped files, so the CLI and the browser report the same problems.
 */
import { GraphFileError } from "../model/errors.js";
import {
  checkSerializedGraph,
  checkSerializedGraphParts,
  type GraphCheckOptions,
  type GraphCheckResult,
  type GraphPartsCheckResult,
} from "../model/graph-checks.js";
import type { Problem, SupplyGraph } from "../model/types.js";
import { decodeGraphBytes, headerProblem } from "./_decode.js";
import { duplicateKeyMessage, jsonStructureIssue, scanJsonKeys } from "./_json-structure.js";
import {
  type ByteSource,
  bytesSource,
  byteAt,
  firstNonSpace,
  headOf,
  lineAndColumn,
} from "./_json-chunks.js";
import { collectMembers, type MemberHandler, scanLargeJson } from "./_parse-large-json.js";

/**
 * Files above this size are parsed in batches (`_parse-large-json.ts`) instead of as one string: V8 cannot
 * hold a string over 512 MiB, and one string of a few hundred MB doubles the peak memory of a load.
 */
export const LARGE_GRAPH_BYTES = 128 * 1024 * 1024;

/** Options of `parseGraph` and `checkGraphText`. */
export interface ParseGraphOptions extends GraphCheckOptions {
  /** Name used in error messages. */
  file?: string;
}

const DUPLICATE_KEY_HINT = "keep one of the two values";

/** The problem of a key given twice in one object (the streamed check's form of `jsonStructureIssue`). */
function duplicateKeyProblem(pointer: string, key: string): Problem {
  return {
    severity: "error",
    code: "E_DUPLICATE_KEY",
    path: pointer,
    message: duplicateKeyMessage(key),
    hint: DUPLICATE_KEY_HINT,
  };
}

/**
 * Parsed JSON text; `reservedFree` when the text has no key that `findReservedKeys` looks for (the graph check
 * then skips its walk of the parsed value).
 */
type ParsedJson = { data: unknown; reservedFree: boolean } | { problem: Problem };

/** Parse JSON text, turning V8's SyntaxError into a problem with offset, line and column. */
function parseJson(text: string): ParsedJson {
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
    const data: unknown = JSON.parse(text);
    // the allocation-free scan answers for the common, clean file; the exact one finds the issue otherwise
    const keys = scanJsonKeys(text);
    const issue = keys.clean ? null : jsonStructureIssue(text);
    if (issue)
      return {
        problem: {
          severity: "error",
          code: issue.code,
          path: issue.pointer,
          message: issue.message,
          hint: issue.code === "E_DEPTH" ? "flatten the value" : DUPLICATE_KEY_HINT,
        },
      };
    return { data, reservedFree: keys.clean && !keys.reservedKeys };
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
  // The parsed object is ours alone, so the graph may keep its attribute objects (see `adoptInput`).
  return checkSerializedGraph(parsed.data, { adoptInput: true, ...options }, reservedOf(parsed));
}

/** Check graph-file bytes (encoding first, then as text). */
export function checkGraphBytes(bytes: Uint8Array, options: ParseGraphOptions = {}): GraphCheckResult {
  const parsed = parseGraphBytes(bytes);
  if ("problem" in parsed) return { graph: null, problems: [parsed.problem] };
  // The parsed object is ours alone, so the graph may keep its attribute objects (see `adoptInput`).
  return checkSerializedGraph(parsed.data, { adoptInput: true, ...options }, reservedOf(parsed));
}

/** `checkGraphBytes` up to the checked parts, for building the integer view without a graphology graph. */
export function checkGraphBytesParts(
  bytes: Uint8Array,
  options: ParseGraphOptions = {},
): GraphPartsCheckResult {
  const parsed = parseGraphBytes(bytes);
  if ("problem" in parsed) return { parts: null, problems: [parsed.problem] };
  return checkSerializedGraphParts(parsed.data, { adoptInput: true, ...options }, reservedOf(parsed));
}

/** The reserved keys of parsed JSON when its scan showed there are none; undefined: the check looks. */
function reservedOf(parsed: { reservedFree: boolean }): string[] | undefined {
  return parsed.reservedFree ? [] : undefined;
}

/** Bytes → the parsed JSON value, or the first problem (encoding, syntax). */
function parseGraphBytes(bytes: Uint8Array): ParsedJson {
  if (bytes.length > LARGE_GRAPH_BYTES) {
    const large = parseLargeGraph(bytesSource(bytes));
    return "problem" in large ? large : { data: large.data, reservedFree: false };
  }
  const decoded = decodeGraphBytes(bytes);
  if ("problem" in decoded) return { problem: decoded.problem };
  return parseJson(decoded.text);
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

/** Options of the batched parse of large files (tests make them small to exercise many chunks). */
export interface LargeGraphScanOptions {
  /**
   * Bytes of elements per `JSON.parse` call (default 8 MiB). A syntax error's offset depends on it: V8 names
   * no position for some errors, and then the end of the batch is reported.
   */
  batchBytes?: number;
  /**
   * Batches while the members are streamed to a handler (default `batchBytes`). Smaller batches let the
   * young generation collect each batch's objects cheaply; on an error the file is scanned again with
   * `batchBytes`, so the reported problem does not depend on this.
   */
  streamBatchBytes?: number;
  /** Size of the reused read buffer when the source is not in memory. */
  chunkBytes?: number;
}

const IGNORE_MEMBERS: MemberHandler = { begin: () => true, items: () => {}, end: () => {} };

/**
 * The header and syntax checks of a large file, with its top-level members handed to `handler` as they are
 * scanned. Returns the first problem (the file's only one: the handler's findings do not count then), or null.
 */
export function scanLargeGraph(
  source: ByteSource,
  handler: MemberHandler,
  options: LargeGraphScanOptions = {},
): Problem | null {
  const fail = (code: string, message: string, hint?: string) =>
    ({ severity: "error", code, path: "", message, ...(hint ? { hint } : {}) }) as Problem;
  const head = headOf(source, 4096);
  const header = headerProblem(head);
  if (header) return header;
  const start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const first = firstNonSpace(source, start);
  if (first === source.size) return fail("E_EMPTY_FILE", "the file holds only white space");
  if (byteAt(source, first) === 0x3c) {
    const what = /<(gexf|graphml)\b/i.test(new TextDecoder().decode(head))
      ? "GEXF/GraphML (XML)"
      : "HTML or XML";
    return fail(
      "E_PARSE",
      `this looks like ${what}, not JSON`,
      "name the file .gexf or .graphml, or use `chokepoint convert`",
    );
  }
  const batchBytes = options.batchBytes ?? 8 << 20;
  const streamBatchBytes = options.streamBatchBytes ?? batchBytes;
  const scan = { chunkBytes: options.chunkBytes, start };
  // A repeated top-level member: the whole-file check reports it (`_json-structure.ts`), so this one does too.
  // (Inside the elements of a large file, duplicate keys and depth are not checked: see docs/robustness.md.)
  const names = new Set<string>();
  let repeated: string | undefined;
  const watched: MemberHandler = {
    begin: (name, isArray) => {
      if (names.has(name)) repeated ??= name;
      names.add(name);
      return handler.begin(name, isArray);
    },
    items: (name, items, first) => handler.items(name, items, first),
    end: (name, value) => handler.end(name, value),
  };
  let error = scanLargeJson(source, watched, { ...scan, batchBytes: streamBatchBytes });
  if (error && streamBatchBytes !== batchBytes)
    error = scanLargeJson(source, IGNORE_MEMBERS, { ...scan, batchBytes });
  if (!error && repeated !== undefined) return duplicateKeyProblem(`/${repeated}`, repeated);
  if (!error) return null;
  const { kind, offset, message } = error;
  if (kind === "encoding")
    return fail("E_ENCODING", `invalid UTF-8 at byte offset ${offset}`, "save the file as UTF-8");
  const { line, column } = lineAndColumn(source, offset);
  const unexpectedEnd = /end of JSON input|Unterminated/.test(message);
  return fail(
    "E_PARSE",
    `${unexpectedEnd ? "unexpected end of input" : "invalid JSON"} at offset ${offset} (line ${line}, column ${column}): ${message}`,
  );
}

/** `parseGraphBytes` for large files: the same problem codes, without one giant string. */
export function parseLargeGraph(
  source: ByteSource,
  options: LargeGraphScanOptions = {},
): { data: unknown } | { problem: Problem } {
  const { data, handler } = collectMembers();
  const problem = scanLargeGraph(source, handler, options);
  return problem ? { problem } : { data };
}
