/** Read scenario files: a path, or the name of a bundled scenario in `graphs/scenarios/`. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { ScenarioError } from "../model/errors.js";
import { findReservedKeys } from "../model/_reserved.js";
import { type Scenario, scenarioSchema } from "../scenario/types.js";
import { packageRoot } from "./bundled.js";

/** The folder of the bundled scenarios. */
export function bundledScenarioDir(): string {
  return join(packageRoot(), "graphs", "scenarios");
}

/** Names of the bundled scenarios, sorted. */
export function bundledScenarioNames(): string[] {
  const dir = bundledScenarioDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => basename(f, ".json"))
    .sort();
}

/** Parse scenario JSON text. @throws ScenarioError E_SCENARIO_FILE naming the file and the JSON path */
export function parseScenario(text: string, file = "<scenario>"): Scenario {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ScenarioError("E_SCENARIO_FILE", `${file}: invalid JSON: ${(e as Error).message}`);
  }
  const reserved = findReservedKeys(data);
  if (reserved.length) throw new ScenarioError("E_SCENARIO_FILE", `${file}: ${reserved[0]}: key not allowed`);
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map((p) => `/${String(p)}`).join("");
    throw new ScenarioError("E_SCENARIO_FILE", `${file}: ${path || "/"}: ${issue.message}`, {
      hint: "see the scenario format in the README",
    });
  }
  return parsed.data;
}

/** Load a scenario by bundled name (`no-china`) or path. @throws ScenarioError */
export function loadScenario(nameOrPath: string): Scenario {
  const bundled = join(bundledScenarioDir(), `${nameOrPath}.json`);
  const path = existsSync(nameOrPath) && nameOrPath.endsWith(".json") ? nameOrPath : bundled;
  if (!existsSync(path)) {
    throw new ScenarioError("E_SCENARIO_UNKNOWN", `no scenario "${nameOrPath}"`, {
      hint: `bundled: ${bundledScenarioNames().join(", ") || "(none)"}; or give a path to a .json file`,
    });
  }
  return parseScenario(readFileSync(path, "utf8"), path);
}
