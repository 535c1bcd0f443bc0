/** Read lever files: a path, or the name of a bundled lever in `graphs/levers/`. */
import { type Lever, leverSchema } from "../levers/types.js";
import {
  bundledDir,
  bundledNames,
  loadNamedJson,
  type NamedJsonKind,
  parseNamedJson,
} from "./_named-json.js";

const LEVERS: NamedJsonKind<Lever> = {
  folder: "levers",
  noun: "lever",
  schema: leverSchema,
  fileCode: "E_LEVER_FILE",
  unknownCode: "E_LEVER_UNKNOWN",
  hint: "see the lever format in docs/scenarios.md",
};

/** The folder of the bundled levers. */
export function bundledLeverDir(): string {
  return bundledDir(LEVERS);
}

/** Names of the bundled levers, sorted. */
export function bundledLeverNames(): string[] {
  return bundledNames(LEVERS);
}

/** Parse lever JSON text. @throws ScenarioError `E_LEVER_FILE` naming the file and the JSON path */
export function parseLever(text: string, file = "<lever>"): Lever {
  return parseNamedJson(LEVERS, text, file);
}

/** Load a lever by bundled name (`stockpile`) or path. @throws ScenarioError */
export function loadLever(nameOrPath: string): Lever {
  return loadNamedJson(LEVERS, nameOrPath);
}
