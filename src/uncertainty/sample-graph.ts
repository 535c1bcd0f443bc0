/**
 * Putting drawn values into a graph. `assignInputValues` mutates the graph it is given (graphology's `assign…`
 * naming): the Monte Carlo keeps one working copy per thread and rewrites the ranged values for each sample,
 * instead of copying the graph a thousand times.
 */
import type { SupplyGraph } from "../model/types.js";
import { type Distribution, inputCounters, uniformAt, valueAt } from "./draws.js";
import { inputName, type RangedInput } from "./ranged-inputs.js";

/** Set each input's attribute to `values[k]` (recipes get a fresh object: the input graph may share it). */
export function assignInputValues(
  graph: SupplyGraph,
  inputs: readonly RangedInput[],
  values: ArrayLike<number>,
): void {
  for (let k = 0; k < inputs.length; k++) {
    const { kind, id, attribute } = inputs[k]!;
    const v = values[k]!;
    if (kind === "edge") graph.setEdgeAttribute(id, attribute, v);
    else if (attribute.startsWith("recipe.")) {
      const recipe = { ...graph.getNodeAttribute(id, "recipe") };
      recipe[attribute.slice("recipe.".length)] = v;
      graph.setNodeAttribute(id, "recipe", recipe);
    } else graph.setNodeAttribute(id, attribute, v);
  }
}

/** How sampled values are drawn: the seed and the distribution. */
export interface DrawSettings {
  seed: number;
  distribution: Distribution;
}

/**
 * A function giving the values of sample `sample` from `stream` (0 for Monte Carlo and Sobol's matrix A, 1 for
 * Sobol's B): value k depends only on (seed, sample, stream, input k's name).
 */
export function sampler(
  inputs: readonly RangedInput[],
  settings: DrawSettings,
): (sample: number, stream: number, out: Float64Array) => Float64Array {
  const counters = inputCounters(inputs.map(inputName));
  return (sample, stream, out) => {
    for (let k = 0; k < inputs.length; k++)
      out[k] = valueAt(
        inputs[k]!,
        uniformAt(settings.seed, sample, stream, counters[k]!),
        settings.distribution,
      );
    return out;
  };
}
