/**
 * The shape of a graph file, as zod schemas. Graph-level rules (dangling edges, duplicates, recipes, ...)
 * live in `graph-checks.ts`; this file only says what each object looks like.
 */
import { z } from "zod";

const finite = z.number();
const nonNegative = finite.min(0);
const sources = z.array(z.string().min(1)).min(1);

/**
 * One entry of a `ranges` object: the plausible interval of an estimate. Checked against the value it belongs
 * to in `_range-check.ts` (low ≤ value ≤ high, same rule as the value), which owns the E_RANGE_* codes; the
 * attribute schemas below only require `ranges` to be an object.
 */
export const rangeEntrySchema = z.strictObject({
  low: finite,
  high: finite,
  why: z.string().optional(),
});

/** Node attributes that may carry a range (besides `recipe.<material>`): the quantities of the format. */
export const RANGED_NODE_KEYS: ReadonlySet<string> = new Set([
  "capacity",
  "demand",
  "stockpileDays",
  "stock",
  "recoveryDays",
  "valuePerYear",
]);

/** Edge attributes that may carry a range. */
export const RANGED_EDGE_KEYS: ReadonlySet<string> = new Set(["volume", "capacity", "leadTimeDays"]);

const ranges = z.record(z.string(), z.unknown());

/** Attribute names sigma reads for drawing; the viewer derives them, so a file may not set them. */
export const RESERVED_DRAWING_KEYS: ReadonlySet<string> = new Set([
  "x",
  "y",
  "size",
  "color",
  "type",
  "hidden",
  "highlighted",
  "forceLabel",
  "zIndex",
  "borderColor",
  "borderSize",
  "image",
]);

export const FACILITY_STATUSES = ["operating", "construction", "planned", "idle"] as const;

export const nodeAttributesSchema = z.looseObject({
  label: z.string().min(1),
  stage: z.string().min(1),
  country: z.string().optional(),
  operator: z.string().optional(),
  lat: finite.min(-90).max(90).optional(),
  lon: finite.min(-180).max(180).optional(),
  capacity: nonNegative.optional(),
  output: z.string().min(1).optional(),
  recipe: z.record(z.string().min(1), finite.positive()).optional(),
  demand: nonNegative.optional(),
  stockpileDays: nonNegative.optional(),
  stock: nonNegative.optional(),
  recoveryDays: nonNegative.optional(),
  stockDays: nonNegative.optional(),
  qualificationDays: nonNegative.optional(),
  rampDays: nonNegative.optional(),
  valuePerYear: nonNegative.optional(),
  status: z.enum(FACILITY_STATUSES).optional(),
  since: z.number().int().optional(),
  sources: sources.optional(),
  notes: z.string().optional(),
  ranges: ranges.optional(),
});

export const edgeAttributesSchema = z.looseObject({
  volume: nonNegative.optional(),
  capacity: nonNegative.optional(),
  leadTimeDays: nonNegative.optional(),
  sources: sources.optional(),
  notes: z.string().optional(),
  ranges: ranges.optional(),
});

export const graphAttributesSchema = z.looseObject({
  name: z.string().optional(),
  year: z.number().int().optional(),
  stages: z.array(z.string().min(1)).min(1),
  units: z.string().optional(),
  currency: z.string().optional(),
  importStages: z.array(z.string().min(1)).optional(),
  /**
   * Material name → what a tonne of it is: `unit` (e.g. "t REO"), `reoFactor` (t REO equivalent per tonne),
   * `valuePerTonne` (graph currency), `label`, `sources`. Descriptive; origin-aware rules use the values.
   */
  materials: z
    .record(
      z.string().min(1),
      z.looseObject({
        label: z.string().optional(),
        unit: z.string().optional(),
        reoFactor: z.number().positive().optional(),
        valuePerTonne: z.number().min(0).optional(),
        sources: z.array(z.string()).optional(),
      }),
    )
    .optional(),
  sources: z.array(z.string()).optional(),
  notes: z.string().optional(),
});

const keySchema = z.union([z.string().min(1), z.number()]);

export const nodeEntrySchema = z.object({ key: keySchema, attributes: z.record(z.string(), z.unknown()) });

export const edgeEntrySchema = z.object({
  key: keySchema.optional(),
  source: keySchema,
  target: keySchema,
  undirected: z.literal(false).optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
});

export const fileSchema = z.object({
  attributes: z.record(z.string(), z.unknown()),
  options: z
    .looseObject({
      type: z.enum(["directed", "mixed", "undirected"]).optional(),
      multi: z.boolean().optional(),
      allowSelfLoops: z.boolean().optional(),
    })
    .optional(),
  nodes: z.array(z.unknown()),
  edges: z.array(z.unknown()).optional(),
});

/** Keys the format defines, per object kind; anything else is kept with a warning. */
export const KNOWN_NODE_KEYS: ReadonlySet<string> = new Set(Object.keys(nodeAttributesSchema.shape));
export const KNOWN_EDGE_KEYS: ReadonlySet<string> = new Set(Object.keys(edgeAttributesSchema.shape));
export const KNOWN_GRAPH_KEYS: ReadonlySet<string> = new Set(Object.keys(graphAttributesSchema.shape));
