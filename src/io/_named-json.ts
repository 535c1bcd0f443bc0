/**
 * Small JSON documents that ship in `graphs/<kind>/` and can also be given as a path: scenarios and levers.
 * One reader for both, so they fail the same way (a ScenarioError naming the file and the JSON path).
 */
import { existsSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import type { z } from "zod";
import { ScenarioError } from "../model/errors.js";
import { findReservedKeys } from "../model/_reserved.js";
import { decodeGraphBytes } from "./_decode.js";
import { jsonStructureIssue } from "./_json-structure.js";
import { packageRoot } from "./bundled.js";
import { readBounded } from "./read-bounded.js";

/** Scenario and lever files are hand-written and small; anything larger is a wrong file. */
export const MAX_NAMED_JSON_BYTES = 16 * 1024 * 1024;

/** What differs between the kinds of document. */
export interface NamedJsonKind<T> {
  /** Folder under `graphs/`, and the word used in messages (`scenarios` → "scenario"). */
  folder: string;
  noun: string;
  schema: z.ZodType<T>;
  /** Error codes: the file is malformed; the name matches no file. */
  fileCode: string;
  unknownCode: string;
  hint: string;
}

/** The folder of the bundled documents of a kind. */
export function bundledDir(kind: NamedJsonKind<unknown>): string {
  return join(packageRoot(), "graphs", kind.folder);
}

/** Names of the bundled documents of a kind, sorted. */
export function bundledNames(kind: NamedJsonKind<unknown>): string[] {
  const dir = bundledDir(kind);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => basename(f, ".json"))
    .sort();
}

/** Parse a document's JSON text. @throws ScenarioError (`kind.fileCode`) naming the file and the JSON path */
export function parseNamedJson<T>(kind: NamedJsonKind<T>, text: string, file: string): T {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ScenarioError(kind.fileCode, `${file}: invalid JSON: ${(e as Error).message}`);
  }
  const issue = jsonStructureIssue(text);
  if (issue)
    throw new ScenarioError(
      kind.fileCode,
      `${file}: ${issue.pointer || "/"}: ${issue.message} [${issue.code}]`,
    );
  const reserved = findReservedKeys(data);
  if (reserved.length) throw new ScenarioError(kind.fileCode, `${file}: ${reserved[0]}: key not allowed`);
  const parsed = kind.schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map((p) => `/${String(p)}`).join("");
    throw new ScenarioError(kind.fileCode, `${file}: ${path || "/"}: ${issue.message}`, { hint: kind.hint });
  }
  return parsed.data;
}

/** Load a document by bundled name or by path to a .json file. @throws ScenarioError */
export function loadNamedJson<T>(kind: NamedJsonKind<T>, nameOrPath: string): T {
  const path =
    existsSync(nameOrPath) && nameOrPath.endsWith(".json")
      ? nameOrPath
      : join(bundledDir(kind), `${nameOrPath}.json`);
  if (!existsSync(path)) {
    throw new ScenarioError(kind.unknownCode, `no ${kind.noun} "${nameOrPath}"`, {
      hint: `bundled: ${bundledNames(kind).join(", ") || "(none)"}; or give a path to a .json file`,
    });
  }
  // bounded and once: the path may be a folder named x.json, a FIFO or /dev/stdin
  const read = readBounded(path, { maxBytes: MAX_NAMED_JSON_BYTES });
  if ("failure" in read)
    throw new ScenarioError(kind.fileCode, `${path}: ${read.failure.message} [${read.failure.code}]`, {
      ...(read.failure.hint ? { hint: read.failure.hint } : {}),
    });
  const decoded = decodeGraphBytes(read.bytes);
  if ("problem" in decoded)
    throw new ScenarioError(kind.fileCode, `${path}: ${decoded.problem.message} [${decoded.problem.code}]`);
  return parseNamedJson(kind, decoded.text, path);
}
