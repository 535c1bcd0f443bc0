/**
 * Scenarios built in code. A scenario is plain data (the `Scenario` type, as in a scenario file), so an object
 * literal already is one; `buildScenario` adds what a file gets from its loader: the CLI's short text forms for
 * selectors, cuts and scale rules, and the schema check (a script in JavaScript has no type checker to catch
 * `{ remove: [{ contry: "CN" }] }`). Combine built, loaded and literal scenarios with `composeScenarios`.
 */
import { ScenarioError } from "../model/errors.js";
import { parseCut, parseScale, parseSelector } from "./selectors.js";
import { type EdgeCut, type NodeSelector, type Scenario, scenarioSchema } from "./types.js";

/** A node selector as an object (`{ country: "CN", stage: "refinery" }`) or as text (`"country=CN,stage=refinery"`). */
export type SelectorInput = NodeSelector | string;

/** An edge cut as an object (`{ from: "CN", to: "*", material: "DyTb-oxide" }`) or as text (`"CN>*:DyTb-oxide"`). */
export type CutInput = EdgeCut | string;

/** A capacity multiplier as an object (`{ select: { country: "CN" }, factor: 0.5 }`) or as text (`"country=CN:0.5"`). */
export type ScaleInput = { select: SelectorInput; factor: number } | string;

/** What `buildScenario` takes: a scenario file's fields, with selectors, cuts and scale rules in either form. */
export interface ScenarioParts {
  /** Default `"custom"`. */
  name?: string;
  description?: string;
  sources?: string[];
  /** Nodes to remove: those matching any of the selectors. */
  remove?: SelectorInput[];
  /** Edges to cut between countries (`*` = any other country), optionally for one material. */
  cut?: CutInput[];
  /** Capacity multipliers (factor ≥ 0). */
  scale?: ScaleInput[];
  /** Bring planned and under-construction facilities online. */
  includePlanned?: boolean;
  /** Bring online the pipeline facilities due by this year. */
  year?: number;
}

const selectorOf = (s: SelectorInput): NodeSelector => (typeof s === "string" ? parseSelector(s) : s);

/**
 * A scenario from its parts, checked like a scenario file.
 *
 * @example
 * ```ts
 * const lynasDown = buildScenario({ name: "lynas-down", remove: ["operator=Lynas Rare Earths"] });
 * const noDyTbToJapan = buildScenario({ cut: [{ from: "CN", to: "JP", material: "DyTb-oxide" }] });
 * ```
 * @throws ScenarioError `E_SCENARIO_SELECTOR` for a text form it cannot read; `E_SCENARIO_INVALID` for anything
 *   a scenario file may not hold (unknown selector key, negative factor, empty name, ...), naming the field
 */
export function buildScenario(parts: ScenarioParts): Scenario {
  const draft: Record<string, unknown> = { ...parts, name: parts.name ?? "custom" };
  if (parts.remove) draft.remove = parts.remove.map(selectorOf);
  if (parts.cut) draft.cut = parts.cut.map((c) => (typeof c === "string" ? parseCut(c) : c));
  if (parts.scale)
    draft.scale = parts.scale.map((r) =>
      typeof r === "string" ? parseScale(r) : { select: selectorOf(r.select), factor: r.factor },
    );
  const parsed = scenarioSchema.safeParse(draft);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map((p) => `/${String(p)}`).join("") || "/";
    throw new ScenarioError(
      "E_SCENARIO_INVALID",
      `scenario "${String(draft.name)}": ${path}: ${issue.message}`,
      {
        hint: "see docs/scenarios.md for the fields of a scenario",
      },
    );
  }
  return parsed.data;
}
