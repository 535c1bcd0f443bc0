/**
 * Solve a list of points of the input space, in this thread or on worker threads; the rows are the same either
 * way (tests/uncertainty/evaluate-points.test.ts checks it).
 */
import type { SupplyGraph } from "../model/types.js";
import { type EvaluationPlan, evaluator, figureCount, type Point } from "./_evaluate.js";

export type { EvaluationPlan, Point };
export { figureCount };

/** Options of `evaluatePoints`. */
export interface EvaluatePointsOptions {
  /** Worker threads (default 1: this thread). Node only above 1. */
  threads?: number;
  /** Points per chunk handed to a thread (default 25: progress and load balance, not results). */
  chunk?: number;
  /** Called after each chunk with the points done so far and the total. */
  onProgress?: (done: number, total: number) => void;
}

export const DEFAULT_EVALUATE_POINTS_OPTIONS: Required<Omit<EvaluatePointsOptions, "onProgress">> = {
  threads: 1,
  chunk: 25,
};

/**
 * Row p (length `figureCount(plan)`) = total demand, total served, then demand and served of each plan country,
 * at point p. The graph is left as it was.
 */
export async function evaluatePoints(
  graph: SupplyGraph,
  plan: EvaluationPlan,
  points: readonly Point[],
  options: EvaluatePointsOptions = {},
): Promise<Float64Array> {
  const { threads, chunk } = { ...DEFAULT_EVALUATE_POINTS_OPTIONS, ...options };
  let done = 0;
  const progress = (n: number) => {
    done += n;
    options.onProgress?.(done, points.length);
  };
  // Starting a worker (loading the solver) costs ~0.2 s: not worth it for a chunk or two.
  if (threads > 1 && points.length > 2 * chunk) {
    // A specifier the browser bundler leaves alone: the viewer never asks for threads, and `_pool.js` needs Node.
    const pool = "./_pool.js";
    const { evaluateInThreads } = (await import(/* @vite-ignore */ pool)) as typeof import("./_pool.js");
    return evaluateInThreads(graph, plan, points, threads, chunk, progress);
  }
  // A working copy: the evaluator rewrites ranged values in place.
  const evaluate = evaluator(graph.copy() as SupplyGraph, plan);
  const out = new Float64Array(points.length * figureCount(plan));
  for (let start = 0; start < points.length; start += chunk) {
    const part = points.slice(start, start + chunk);
    out.set(await evaluate(part), start * figureCount(plan));
    progress(part.length);
  }
  return out;
}
