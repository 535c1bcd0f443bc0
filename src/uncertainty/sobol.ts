/**
 * Variance-based sensitivity indices (Sobol' 1993) by the pick-freeze design of Saltelli et al. 2010 ("Variance
 * based sensitivity analysis of model output. Design and estimator for the total sensitivity index", Computer
 * Physics Communications 181): two independent sample matrices A and B (N rows, one column per input), and for
 * each input i the matrix A_B^(i), A with column i taken from B. With f evaluated on every row:
 *
 *   first order   S_i  = (1/N) Σ_j f(B)_j (f(A_B^(i))_j − f(A)_j) / V        (Saltelli 2010, table 2 (b))
 *   total effect  ST_i = (1/2N) Σ_j (f(A)_j − f(A_B^(i))_j)² / V            (Jansen 1999; Saltelli 2010 (f))
 *
 * V is the variance of f over the rows of A and B together. f(B) is centred on the mean of f over A and B in the
 * first-order sum: E[f(A_B^(i)) − f(A)] = 0, so its expectation is unchanged, but its variance no longer grows
 * with mean²/V (a served share of 15% ± 1.5% gave S_i > 2 from 300 rows uncentred). Cost: N (d + 2)
 * evaluations for d inputs. S_i is
 * the share of the output's variance due to input i alone; ST_i adds its interactions; Σ S_i ≤ 1 ≤ Σ ST_i.
 * Indices of an output that does not vary (V = 0) are undefined: null.
 */

/** First-order and total indices of each input, in input order. */
export interface SobolIndices {
  first: Array<number | null>;
  total: Array<number | null>;
  /** The output variance V the indices are shares of. */
  variance: number;
}

/**
 * The indices from evaluated outputs: `fA[j]`, `fB[j]`, and `fAB[i][j]` = f at row j of A_B^(i).
 * NaN outputs (a figure undefined in that sample) leave their row out of every sum.
 */
export function sobolIndices(
  fA: ArrayLike<number>,
  fB: ArrayLike<number>,
  fAB: ReadonlyArray<ArrayLike<number>>,
): SobolIndices {
  const n = fA.length;
  let count = 0;
  let sum = 0;
  let sq = 0;
  for (let j = 0; j < n; j++) {
    for (const y of [fA[j]!, fB[j]!]) {
      if (Number.isNaN(y)) continue;
      count++;
      sum += y;
      sq += y * y;
    }
  }
  const mean = count ? sum / count : 0;
  const variance = count > 1 ? Math.max(0, sq / count - mean * mean) : 0;
  const first: Array<number | null> = [];
  const total: Array<number | null> = [];
  for (const fi of fAB) {
    let s1 = 0;
    let st = 0;
    let rows = 0;
    for (let j = 0; j < n; j++) {
      const a = fA[j]!;
      const b = fB[j]!;
      const ab = fi[j]!;
      if (Number.isNaN(a) || Number.isNaN(b) || Number.isNaN(ab)) continue;
      rows++;
      s1 += (b - mean) * (ab - a);
      st += (a - ab) ** 2;
    }
    // Relative to the output's scale, a variance this small is rounding noise, not a signal.
    const flat = variance <= 1e-18 * Math.max(1, mean * mean) || rows === 0;
    first.push(flat ? null : s1 / rows / variance);
    total.push(flat ? null : st / (2 * rows) / variance);
  }
  return { first, total, variance };
}

/**
 * Sobol indices of a model of d inputs uniform on [0, 1) (map them inside the model), from N rows per matrix
 * drawn with `uniform(row, stream, input)` (stream 0 = A, 1 = B). For models cheap enough to call in a loop;
 * the served-demand analysis builds the same design from `Point`s instead (sensitivity.ts).
 */
export function sobolOfModel(
  model: (x: Float64Array) => number,
  d: number,
  n: number,
  uniform: (row: number, stream: number, input: number) => number,
): SobolIndices {
  const fA = new Float64Array(n);
  const fB = new Float64Array(n);
  const fAB = Array.from({ length: d }, () => new Float64Array(n));
  const a = new Float64Array(d);
  const b = new Float64Array(d);
  const x = new Float64Array(d);
  for (let j = 0; j < n; j++) {
    for (let k = 0; k < d; k++) {
      a[k] = uniform(j, 0, k);
      b[k] = uniform(j, 1, k);
    }
    fA[j] = model(a);
    fB[j] = model(b);
    for (let i = 0; i < d; i++) {
      x.set(a);
      x[i] = b[i]!;
      fAB[i]![j] = model(x);
    }
  }
  return sobolIndices(fA, fB, fAB);
}
