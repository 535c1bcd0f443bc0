/**
 * The data the viewer ships with: bundled graphs, scenarios and levers from `graphs/`, imported at build time
 * (no network at run time), and the graph `chokepoint view` serves beside the page. Every graph is checked by
 * the library's own loader (`graph-files.ts`), so the page reports exactly the problems `chokepoint validate`
 * reports.
 */
import { type Scenario, scenarioSchema } from "../../src/scenario/types.js";
import { type Lever, leverSchema } from "../../src/levers/types.js";

/** Lazy loaders of the bundled graphs' text, by name (`rare-earths-2025`). */
const graphLoaders = import.meta.glob<string>("../../graphs/*.json", { query: "?raw", import: "default" });
const scenarioTexts = import.meta.glob<string>("../../graphs/scenarios/*.json", {
  query: "?raw",
  import: "default",
  eager: true,
});
const leverTexts = import.meta.glob<string>("../../graphs/levers/*.json", {
  query: "?raw",
  import: "default",
  eager: true,
});

const baseName = (path: string): string => path.replace(/^.*\//, "").replace(/\.json$/, "");

/** Names of the bundled graphs, newest first (`rare-earths-2025`, `rare-earths-2010`). */
export function bundledGraphNames(): string[] {
  return Object.keys(graphLoaders).map(baseName).sort().reverse();
}

export async function bundledGraphText(name: string): Promise<string | null> {
  const entry = Object.entries(graphLoaders).find(([path]) => baseName(path) === name);
  return entry ? entry[1]() : null;
}

/** The graph `chokepoint view` serves beside the page (`#g=local`). */
export async function localGraphText(): Promise<string> {
  const response = await fetch("./local-graph.json");
  if (!response.ok)
    throw new Error(`cannot read the graph given to \`chokepoint view\` (${response.status})`);
  return response.text();
}

/** A bundled scenario or lever, parsed with the library's scenario schema. */
export interface Preset {
  /** `scenario:no-china`, `lever:stockpile-jp`. */
  key: string;
  kind: "scenario" | "lever";
  name: string;
  scenario: Scenario | null;
  /** For a lever: the lever (its edits apply to a copy of the graph). */
  lever: Lever | null;
  /** Why it cannot be used here (schema error), when scenario is null. */
  problem: string | null;
}

function parsePresets(kind: Preset["kind"], texts: Record<string, string>): Preset[] {
  return Object.entries(texts)
    .map(([path, text]): Preset => {
      const name = baseName(path);
      const key = `${kind}:${name}`;
      try {
        const data: unknown = JSON.parse(text);
        if (kind === "lever") {
          const lever = leverSchema.safeParse(data);
          if (lever.success) {
            const { pillar: _pillar, edits: _edits, ...masks } = lever.data;
            return { key, kind, name, scenario: masks, lever: lever.data, problem: null };
          }
        }
        const parsed = scenarioSchema.safeParse(data);
        if (parsed.success) return { key, kind, name, scenario: parsed.data, lever: null, problem: null };
        const issue = parsed.error.issues[0];
        return {
          key,
          kind,
          name,
          scenario: null,
          lever: null,
          problem: `${issue?.path.join("/") ?? ""}: ${issue?.message ?? "not a scenario"}`,
        };
      } catch (e) {
        return { key, kind, name, scenario: null, lever: null, problem: (e as Error).message };
      }
    })
    .sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** Every bundled scenario and lever, sorted by key. */
export const PRESETS: readonly Preset[] = [
  ...parsePresets("scenario", scenarioTexts),
  ...parsePresets("lever", leverTexts),
];

export function findPreset(key: string | null): Preset | null {
  if (key === null) return null;
  return PRESETS.find((p) => p.key === key) ?? null;
}
