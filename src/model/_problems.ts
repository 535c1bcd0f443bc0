/** Turning schema findings into `Problem`s: zod issues, and attributes outside the format. */
import type { z } from "zod";
import { RESERVED_DRAWING_KEYS } from "./schema.js";
import type { Problem } from "./types.js";

type Raw = Record<string, unknown>;

/** Warn about attributes outside the format (they are kept). */
export function warnUnknown(
  raw: Raw,
  known: ReadonlySet<string>,
  path: string,
  problems: Problem[],
  nodeId?: string,
  edgeId?: string,
) {
  for (const k of Object.keys(raw)) {
    if (known.has(k) || RESERVED_DRAWING_KEYS.has(k)) continue;
    problems.push({
      severity: "warning",
      code: "W_UNKNOWN_ATTRIBUTE",
      path: `${path}/${k}`,
      message: `attribute "${k}" is not part of the format; kept as is`,
      ...(nodeId ? { nodeId } : {}),
      ...(edgeId ? { edgeId } : {}),
    });
  }
}

/** zod issues → problems: wrong type is E_TYPE, out of range is E_VALUE, missing or malformed is E_SCHEMA. */
export function zodProblems(
  error: z.ZodError,
  base: string,
  problems: Problem[],
  nodeId?: string,
  edgeId?: string,
) {
  for (const issue of error.issues) {
    const path = `${base}${issue.path.map((p) => `/${String(p)}`).join("")}`;
    const missing = issue.code === "invalid_type" && /received undefined/.test(issue.message);
    // A wrong type of the file's skeleton (nodes, entries, attribute objects) is a schema error; a wrong type
    // of an attribute value (capacity "12") is a type error.
    const skeleton = !/\/attributes\/[^/]+/.test(path);
    const received = (issue as { received?: unknown }).received;
    if (received === "Infinity" || received === "NaN") {
      problems.push({
        severity: "error",
        code: "E_VALUE",
        path,
        message: `${nodeId ? `node "${nodeId}": ` : edgeId ? `edge "${edgeId}": ` : ""}the number is not finite (${received})`,
        ...(nodeId ? { nodeId } : {}),
        ...(edgeId ? { edgeId } : {}),
      });
      continue;
    }
    const code =
      missing || (issue.code === "invalid_type" && skeleton)
        ? "E_SCHEMA"
        : issue.code === "invalid_type"
          ? "E_TYPE"
          : issue.code === "too_small" || issue.code === "too_big"
            ? "E_VALUE"
            : "E_SCHEMA";
    const who = nodeId ? `node "${nodeId}": ` : edgeId ? `edge "${edgeId}": ` : "";
    const message = missing ? `${who}required value is missing` : `${who}${issue.message.toLowerCase()}`;
    problems.push({
      severity: "error",
      code,
      path,
      message,
      ...(nodeId ? { nodeId } : {}),
      ...(edgeId ? { edgeId } : {}),
    });
  }
}
