/** Read scenario files: a path, or the name of a bundled scenario in `graphs/scenarios/`. */
import { type Scenario, scenarioSchema } from "../scenario/types.js";
import {
  bundledDir,
  bundledNames,
  loadNamedJson,
  type NamedJsonKind,
  parseNamedJson,
} from "./_named-json.js";

const SCENARIOS: NamedJsonKind<Scenario> = {
  folder: "scenarios",
  noun: "scenario",
  schema: scenarioSchema,
  fileCode: "E_SCENARIO_FILE",
  unknownCode: "E_SCENARIO_UNKNOWN",
  hint: "see the scenario format in docs/scenarios.md",
};

/** The folder of the bundled scenarios. */
export function bundledScenarioDir(): string {
  return bundledDir(SCENARIOS);
}

/** Names of the bundled scenarios, sorted. */
export function bundledScenarioNames(): string[] {
  return bundledNames(SCENARIOS);
}

/** Parse scenario JSON text. @throws ScenarioError E_SCENARIO_FILE naming the file and the JSON path */
export function parseScenario(text: string, file = "<scenario>"): Scenario {
  return parseNamedJson(SCENARIOS, text, file);
}

/**
 * Load a scenario by bundled name (`no-china`, see `bundledScenarioNames`) or by path to a .json file.
 * @throws ScenarioError `E_SCENARIO_UNKNOWN` (no such name or file; the hint lists the bundled names),
 *   `E_SCENARIO_FILE` (malformed, naming the file and the JSON path)
 * @example
 * ```ts
 * const graph = loadBundledGraph();
 * const applied = applyScenario(graph, loadScenario("china-dual-use-ban-japan-2026"));
 * console.log(applied.removedEdges.length, "links cut");
 * ```
 */
export function loadScenario(nameOrPath: string): Scenario {
  return loadNamedJson(SCENARIOS, nameOrPath);
}
