/**
 * The one door through which GEXF and GraphML text enters: refuse document type declarations before any parser
 * sees them, then parse with xmldom while collecting its complaints (by default it prints `[xmldom error]` to the
 * console and carries on with a half-read document).
 *
 * Why refuse every `<!DOCTYPE`: a DTD is how XML external entities (XXE) and entity-expansion bombs ("billion
 * laughs") arrive. xmldom 0.9 in Node does not expand them, but browsers' DOMParser treat DTDs differently, and
 * neither GEXF nor GraphML needs one (networkx/networkx#5001 warns about the same thing). A plain scan of the
 * text is linear, so a refused file costs one pass over its characters and no allocation beyond the text.
 */
import { DOMParser } from "@xmldom/xmldom";
import type { Problem } from "../../model/types.js";

/** xmldom's Document type, as graphology's parsers expect it. */
export type XmlDocument = ReturnType<DOMParser["parseFromString"]>;

/** Where a markup declaration starts; case-insensitive, because XML parsers differ on case handling. */
const DECLARATION = /<!(DOCTYPE|ENTITY)/i;

function problem(code: string, message: string, hint?: string): Problem {
  return { severity: "error", code, path: "", message, ...(hint ? { hint } : {}) };
}

/** The line and column (1-based) of a character offset. */
export function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** `E_DTD` when the text declares a document type or an entity anywhere; null otherwise. */
export function refuseDtd(text: string): Problem | null {
  const m = DECLARATION.exec(text);
  if (!m) return null;
  const { line, column } = lineColumnOf(text, m.index);
  return problem(
    "E_DTD",
    `the file declares <!${m[1]!.toUpperCase()} at line ${line}, column ${column}; document type declarations and entities are refused`,
    "remove the <!DOCTYPE ...> block: GEXF and GraphML do not need one, and it is how XXE and entity bombs arrive",
  );
}

/**
 * Parse XML text into a document whose root element is `root` (`gexf` or `graphml`), or return the problems:
 * `E_DTD` for declarations, `E_PARSE` for malformed XML (every xmldom error and fatal error, with its line and
 * column), for a document that is not `root`, or without a `<graph>` element.
 */
export function parseXmlDocument(text: string, root: string): { doc: XmlDocument } | { problems: Problem[] } {
  const dtd = refuseDtd(text);
  if (dtd) return { problems: [dtd] };
  if (text.trim() === "") return { problems: [problem("E_EMPTY_FILE", "the file holds only white space")] };
  if (text.trimStart()[0] !== "<") {
    return {
      problems: [
        problem(
          "E_PARSE",
          `this is not XML (it does not start with "<"), so it cannot be ${root}`,
          "check the file type",
        ),
      ],
    };
  }
  const messages: Problem[] = [];
  const onError = (level: "warning" | "error" | "fatalError", message: string, context: unknown) => {
    if (level === "warning") return;
    const locator = (context as { locator?: { lineNumber?: number; columnNumber?: number } } | undefined)
      ?.locator;
    const where =
      locator?.lineNumber !== undefined
        ? ` at line ${locator.lineNumber}, column ${locator.columnNumber}`
        : "";
    messages.push(problem("E_PARSE", `malformed XML${where}: ${message.trim()}`));
  };
  let doc: XmlDocument;
  try {
    doc = new DOMParser({ onError }).parseFromString(text, "application/xml");
  } catch (e) {
    if (messages.length === 0) messages.push(problem("E_PARSE", `malformed XML: ${(e as Error).message}`));
    return { problems: messages };
  }
  if (messages.length > 0) return { problems: messages };
  const name = doc.documentElement?.localName;
  if (name !== root) {
    return {
      problems: [
        problem(
          "E_PARSE",
          `the root element is <${name ?? "?"}>, not <${root}>`,
          `give a ${root} file or use --from`,
        ),
      ],
    };
  }
  if (doc.getElementsByTagName("graph").length === 0) {
    return { problems: [problem("E_PARSE", `the <${root}> document has no <graph> element`)] };
  }
  return { doc };
}
