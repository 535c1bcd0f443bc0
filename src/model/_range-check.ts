/**
 * The checks of a node's or edge's `ranges` object (the uncertainty of its estimates, see docs/uncertainty.md):
 * each key names a numeric attribute the object HAS (`capacity`) or one of its recipe amounts
 * (`recipe.DyTb-metal`), each entry is `{low, high, why?}` with low ≤ value ≤ high, and the bounds pass the
 * check of the value itself (non-negative; a recipe amount positive). Both loaders (whole file and streamed)
 * call this from the per-node and per-edge checkers, so they report the same problems in the same order.
 */
import { isPlainRecord } from "./_fast-schema.js";
import { RANGED_EDGE_KEYS, RANGED_NODE_KEYS, rangeEntrySchema } from "./schema.js";
import type { Problem } from "./types.js";

type Raw = Record<string, unknown>;

/** The prefix of a range key on a recipe amount: `recipe.<material>`. */
export const RECIPE_RANGE_PREFIX = "recipe.";

/**
 * Check `attrs.ranges` (when it is an object: a non-object is the schema's E_TYPE) and append problems.
 * `path` is the JSON pointer of the attributes; `who` names the node or the edge.
 */
export function checkRanges(
  owner: "node" | "edge",
  attrs: Raw,
  path: string,
  problems: Problem[],
  who: { nodeId: string } | { edgeId: string },
): void {
  const ranges = attrs.ranges;
  if (!isPlainRecord(ranges)) return;
  const name = "nodeId" in who ? `node "${who.nodeId}"` : `edge "${who.edgeId}"`;
  const allowed = owner === "node" ? RANGED_NODE_KEYS : RANGED_EDGE_KEYS;
  for (const key of Object.keys(ranges)) {
    const at = `${path}/ranges/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    const bad = (code: string, message: string, hint?: string) =>
      problems.push({
        severity: "error",
        code,
        path: at,
        message: `${name}: range "${key}" ${message}`,
        ...(hint ? { hint } : {}),
        ...who,
      });
    const recipeKey = owner === "node" && key.startsWith(RECIPE_RANGE_PREFIX);
    if (!recipeKey && !allowed.has(key)) {
      bad(
        "E_RANGE_KEY",
        "names no attribute that can carry a range",
        `use one of ${[...allowed].join(", ")}${owner === "node" ? ", or recipe.<material>" : ""}`,
      );
      continue;
    }
    const entry = rangeEntrySchema.safeParse(ranges[key]);
    if (!entry.success) {
      bad("E_RANGE_SHAPE", "must be {low, high, why?} with finite numbers", 'e.g. {"low": 70, "high": 130}');
      continue;
    }
    const { low, high } = entry.data;
    const value = recipeKey ? recipeAmount(attrs.recipe, key.slice(RECIPE_RANGE_PREFIX.length)) : attrs[key];
    if (typeof value !== "number" || !Number.isFinite(value)) {
      bad(
        "E_RANGE_NO_VALUE",
        recipeKey ? "names a material the recipe does not have" : "is given but the attribute has no value",
        "give the value too: the range is the uncertainty around it",
      );
      continue;
    }
    // The bounds obey the value's own rule: quantities are non-negative, recipe amounts positive.
    if (recipeKey ? low <= 0 : low < 0) {
      bad(
        "E_RANGE_VALUE",
        `has low ${low}, which the value could not be`,
        recipeKey ? "must be > 0" : "must be ≥ 0",
      );
      continue;
    }
    if (low > high) {
      bad("E_RANGE_ORDER", `has low ${low} above high ${high}`, "swap them");
      continue;
    }
    // An invalid value is reported by the schema already; comparing with it would only add noise.
    const valueValid = recipeKey ? value > 0 : value >= 0;
    if (valueValid && (value < low || value > high)) {
      bad("E_RANGE_OUTSIDE", `[${low}, ${high}] does not contain the value ${value}`, "low ≤ value ≤ high");
    }
  }
}

function recipeAmount(recipe: unknown, material: string): unknown {
  return isPlainRecord(recipe) && Object.hasOwn(recipe, material) ? recipe[material] : undefined;
}
