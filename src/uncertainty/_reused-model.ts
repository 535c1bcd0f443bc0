/**
 * One persistent HiGHS model per thread, reused from sample to sample of the Monte Carlo. Samples of one graph
 * under one scenario differ only in numbers (capacities, demands, recipe amounts), so the sparse model the flow
 * allocator builds for each sample (`_allocator-matrix.ts`) has the same rows, columns and non-zeros every time;
 * loading it into a new model and solving from a cold start is wasted work. `ReusedModel.highs` is a stand-in
 * for the HiGHS instance whose `createModel` writes the new model's numbers into the model it already holds: every
 * column and row bound and objective cost (in bulk), and the coefficients that changed. The basis of the previous
 * sample stays, so the first solve is a warm start (the allocator picks the simplex per solve: dual for the
 * max-total, primal for the leximin levels). A model of another shape (dimensions, sense or non-zero pattern
 * differ), or one handed over as text, gets a fresh model, as before.
 *
 * The optimum VALUES do not depend on where the simplex starts; the served figures are rounded to the demand's
 * grid (`_served-figures.ts`), and tests/uncertainty/reused-model.test.ts holds every figure of the bundled graph's
 * samples identical to fresh solves. (The clean home for this is a `retarget` method on src/flow/_allocator.ts,
 * which owns the model; this file reads only the model data that allocator builds.)
 */
import type { Highs, ModelData } from "highs";

type Source = Parameters<Highs["createModel"]>[0];

/** The model data of `source`, when it is model data with a row-wise matrix (what the allocator builds). */
function modelData(source: Source): ModelData | null {
  if (!source || !("numCols" in source) || source.matrix.format !== "csr" || source.hessian) return null;
  return source;
}

/** Whether `a` and `b` have the same dimensions, sense and non-zero pattern (their numbers may differ). */
export function sameShape(a: ModelData, b: ModelData): boolean {
  const same = (x: ArrayLike<number>, y: ArrayLike<number>) => {
    if (x.length !== y.length) return false;
    for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return false;
    return true;
  };
  return (
    a.numCols === b.numCols &&
    a.numRows === b.numRows &&
    (a.sense ?? null) === (b.sense ?? null) &&
    (a.offset ?? 0) === (b.offset ?? 0) &&
    same(a.matrix.starts, b.matrix.starts) &&
    same(a.matrix.indices, b.matrix.indices)
  );
}

/** The cached model and the data it was last set to. */
interface Cached {
  model: ReturnType<Highs["createModel"]>;
  data: ModelData;
}

/**
 * A HiGHS stand-in that hands out one model, updated in place (see the module comment). The model it hands out
 * lives until `ReusedModel.dispose`: callers must not dispose it (give `solveFlow` its allocator, so it does not).
 */
export class ReusedModel {
  /** Pass this where a `Highs` is expected (only `createModel` differs). */
  readonly highs: Highs;
  private cached: Cached | null = null;

  constructor(private readonly base: Highs) {
    const reuse = (source: Source) => this.createModel(source);
    this.highs = new Proxy(base, {
      get: (target, key) => (key === "createModel" ? reuse : Reflect.get(target, key)),
    });
  }

  private createModel(source: Source): ReturnType<Highs["createModel"]> {
    const data = modelData(source);
    if (data && this.cached && sameShape(this.cached.data, data)) {
      this.update(this.cached, data);
      return this.cached.model;
    }
    this.dispose();
    const model = this.base.createModel(source);
    if (!data) return model; // not reusable: the caller owns and disposes it
    this.cached = { model, data };
    return model;
  }

  /** Set every bound and cost from `data`, and the coefficients that differ from the cached data's. */
  private update(cached: Cached, data: ModelData): void {
    const { model } = cached;
    if (data.numCols > 0) {
      const all = { kind: "range", from: 0, to: data.numCols - 1 } as const;
      model.changeColsBounds(all, data.colLower, data.colUpper);
      model.changeColsCost(all, data.colCost);
    }
    if (data.numRows > 0)
      model.changeRowsBounds({ kind: "range", from: 0, to: data.numRows - 1 }, data.rowLower, data.rowUpper);
    const { starts, indices, values } = data.matrix;
    const before = cached.data.matrix.values;
    for (let row = 0; row < data.numRows; row++) {
      for (let k = starts[row]!; k < starts[row + 1]!; k++)
        if (before[k] !== values[k]) model.changeCoefficient(row, indices[k]!, values[k]!);
    }
    cached.data = data;
  }

  dispose(): void {
    this.cached?.model.dispose();
    this.cached = null;
  }
}
