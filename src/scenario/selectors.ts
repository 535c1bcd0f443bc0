/** Node selectors (`country=CN,stage=refinery`) and edge cuts (`CN>JP:DyTb-oxide`): parse and match. */
import { ScenarioError } from "../model/errors.js";
import type { NodeAttributes } from "../model/types.js";
import {
  type EdgeCut,
  type NodeSelector,
  SELECTOR_KEYS,
  type SelectorKey,
  type UncertaintyRule,
} from "./types.js";

/** Parse `key=value[,key=value...]` into a selector. @throws ScenarioError E_SCENARIO_SELECTOR */
export function parseSelector(text: string): NodeSelector {
  const selector: NodeSelector = {};
  for (const part of text.split(",")) {
    const eq = part.indexOf("=");
    const key = part.slice(0, eq).trim() as SelectorKey;
    const value = part.slice(eq + 1).trim();
    if (eq < 0 || !SELECTOR_KEYS.includes(key) || value === "") {
      throw new ScenarioError("E_SCENARIO_SELECTOR", `cannot read selector "${text}"`, {
        selector: text,
        hint: `use key=value with keys ${SELECTOR_KEYS.join(", ")}, e.g. country=CN,stage=refinery`,
      });
    }
    selector[key] = value;
  }
  return selector;
}

/**
 * Parse `FROM>TO[:material][@ORIGIN>=SHARE[%][value|mass]]`, countries or `*`. The `@` part makes an origin rule:
 * `*>*:NdFeB-magnet@CN>=0.1%` cuts magnets from outside China whose Chinese content is worth 0.1% or more of
 * their value (the default basis; `mass` judges the rare-earth mass). @throws ScenarioError E_SCENARIO_SELECTOR
 */
export function parseCut(text: string): EdgeCut {
  const m =
    /^\s*([A-Z]{2}|\*)\s*>\s*([A-Z]{2}|\*)\s*(?::\s*([^\s@]+))?\s*(?:@\s*([A-Z]{2})\s*>=\s*([0-9.eE+-]+)\s*(%?)\s*(value|mass)?)?\s*$/.exec(
      text,
    );
  const share = m?.[5] === undefined ? undefined : Number(m[5]) / (m[6] ? 100 : 1);
  if (!m || (share !== undefined && !(share > 0 && share <= 1))) {
    throw new ScenarioError("E_SCENARIO_SELECTOR", `cannot read cut "${text}"`, {
      selector: text,
      hint: "use FROM>TO or FROM>TO:material with ISO country codes or *, e.g. 'CN>JP' or 'CN>*:DyTb-oxide'; an origin rule adds @ORIGIN>=SHARE with 0 < SHARE <= 100%, e.g. '*>*:NdFeB-magnet@CN>=0.1%' or '...@CN>=5%mass'",
    });
  }
  return {
    from: m[1]!,
    to: m[2]!,
    ...(m[3] ? { material: m[3] } : {}),
    ...(m[4]
      ? { origin: { country: m[4], atLeast: share!, basis: (m[7] ?? "value") as "value" | "mass" } }
      : {}),
  };
}

/** Parse `selector:factor`, e.g. `country=CN:0.5`. @throws ScenarioError E_SCENARIO_SELECTOR */
export function parseScale(text: string): { select: NodeSelector; factor: number } {
  const colon = text.lastIndexOf(":");
  const factor = Number(text.slice(colon + 1));
  if (colon < 0 || !Number.isFinite(factor) || factor < 0 || text.slice(colon + 1).trim() === "") {
    throw new ScenarioError("E_SCENARIO_SELECTOR", `cannot read scale "${text}"`, {
      selector: text,
      hint: "use selector:factor with a factor >= 0, e.g. country=CN:0.5",
    });
  }
  return { select: parseSelector(text.slice(0, colon)), factor };
}

/**
 * Refuse a selector with no key: it matches every node, so `{"remove": [{}]}` would drop the whole graph and a
 * lever edit would change every node, both with no error. Scenario and lever files are refused when read; this
 * guards scenarios built in code.
 * @throws ScenarioError E_SCENARIO_EMPTY_SELECTOR
 */
export function assertSelector(selector: NodeSelector, where: string): void {
  if (SELECTOR_KEYS.some((k) => selector[k] !== undefined)) return;
  throw new ScenarioError(
    "E_SCENARIO_EMPTY_SELECTOR",
    `${where}: an empty selector would select every node`,
    {
      selector: "{}",
      hint: `name at least one of ${SELECTOR_KEYS.join(", ")}`,
    },
  );
}

/**
 * Parse `[selector:]attribute:relative`, e.g. `capacity:0.3` (every node) or `stage=refinery:capacity:0.3`.
 * The attribute name is checked against a graph when the rule is applied. @throws ScenarioError E_SCENARIO_SELECTOR
 */
export function parseUncertainty(text: string): UncertaintyRule {
  const last = text.lastIndexOf(":");
  const relativeText = text.slice(last + 1).trim();
  const relative = Number(relativeText);
  const head = last < 0 ? "" : text.slice(0, last);
  const colon = head.lastIndexOf(":");
  const attribute = head.slice(colon + 1).trim();
  if (last < 0 || relativeText === "" || !(relative > 0 && relative < 1) || attribute === "") {
    throw new ScenarioError("E_SCENARIO_SELECTOR", `cannot read uncertainty rule "${text}"`, {
      selector: text,
      hint: "use [selector:]attribute:relative with 0 < relative < 1, e.g. capacity:0.3 or stage=refinery:capacity:0.3",
    });
  }
  return { select: colon < 0 ? {} : parseSelector(head.slice(0, colon)), attribute, relative };
}

/** True when every key of the selector matches the node (`node` matches the id). */
export function matchesSelector(id: string, attributes: NodeAttributes, selector: NodeSelector): boolean {
  for (const key of SELECTOR_KEYS) {
    const want = selector[key];
    if (want === undefined) continue;
    const have = key === "node" ? id : attributes[key];
    if (have !== want) return false;
  }
  return true;
}

/** A selector as text, for messages: `country=CN,stage=refinery`. */
export function selectorText(selector: NodeSelector): string {
  return SELECTOR_KEYS.filter((k) => selector[k] !== undefined)
    .map((k) => `${k}=${selector[k]}`)
    .join(",");
}

/** A cut as text, in the `--cut` syntax: `CN>JP:DyTb-oxide`, `*>*:NdFeB-magnet@CN>=0.1%value`. */
export function cutText(cut: EdgeCut): string {
  const origin = cut.origin
    ? `@${cut.origin.country}>=${Number((cut.origin.atLeast * 100).toPrecision(8))}%${cut.origin.basis}`
    : "";
  return `${cut.from}>${cut.to}${cut.material ? `:${cut.material}` : ""}${origin}`;
}

/** True when the edge (source country, target country, material) falls under the cut. */
export function matchesCut(from: string, to: string, material: string | undefined, cut: EdgeCut): boolean {
  if (from === to) return false; // a cut is between countries, never inside one
  if (cut.from !== "*" && cut.from !== from) return false;
  if (cut.to !== "*" && cut.to !== to) return false;
  return cut.material === undefined || cut.material === material;
}
