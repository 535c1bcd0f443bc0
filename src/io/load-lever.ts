/** Read lever files: a path, or the name of a bundled lever in `graphs/levers/`. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { type Lever, leverSchema } from "../levers/types.js";
import { ScenarioError } from "../model/errors.js";
import { findReservedKeys } from "../model/_reserved.js";
import { packageRoot } from "./bundled.js";

/** The folder of the bundled levers. */
export function bundledLeverDir(): string {
  return join(packageRoot(), "graphs", "levers");
}

/** Names of the bundled levers, sorted. */
export function bundledLeverNames(): string[] {
  const dir = bundledLeverDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => basename(f, ".json"))
    .sort();
}

/** Parse lever JSON text. @throws ScenarioError `E_LEVER_FILE` naming the file and the JSON path */
export function parseLever(text: string, file = "<lever>"): Lever {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ScenarioError("E_LEVER_FILE", `${file}: invalid JSON: ${(e as Error).message}`);
  }
  const reserved = findReservedKeys(data);
  if (reserved.length) throw new ScenarioError("E_LEVER_FILE", `${file}: ${reserved[0]}: key not allowed`);
  const parsed = leverSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map((p) => `/${String(p)}`).join("");
    throw new ScenarioError("E_LEVER_FILE", `${file}: ${path || "/"}: ${issue.message}`, {
      hint: "see the lever format in the README (section Levers)",
    });
  }
  return parsed.data;
}

/** Load a lever by bundled name (`stockpile`) or path. @throws ScenarioError */
export function loadLever(nameOrPath: string): Lever {
  const path =
    existsSync(nameOrPath) && nameOrPath.endsWith(".json")
      ? nameOrPath
      : join(bundledLeverDir(), `${nameOrPath}.json`);
  if (!existsSync(path)) {
    throw new ScenarioError("E_LEVER_UNKNOWN", `no lever "${nameOrPath}"`, {
      hint: `bundled: ${bundledLeverNames().join(", ") || "(none)"}; or give a path to a .json file`,
    });
  }
  return parseLever(readFileSync(path, "utf8"), path);
}
