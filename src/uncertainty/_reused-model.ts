/**
 * One persistent HiGHS model per thread, reused from sample to sample of the Monte Carlo. Samples of one graph
 * under one scenario differ only in numbers (capacities, demands, recipe amounts), so the LP text the flow
 * allocator writes for each sample has the same rows, columns and non-zeros every time; parsing it again (~1.5 ms
 * on the bundled graph) and solving from a cold start is wasted work. `ReusedModel.highs` is a stand-in for the
 * HiGHS instance whose `createModel` reads the new text's numbers into the model it already holds: every column
 * and row bound and objective cost (in bulk), and the coefficients that changed. The basis of the previous sample
 * stays, so the first solve is a warm start (the allocator picks the simplex per solve: dual for the max-total,
 * primal for the leximin levels). A text of another shape (rows, columns, terms or bound forms differ) gets a
 * fresh model, as before.
 *
 * The optimum VALUES do not depend on where the simplex starts; the served figures are rounded to the demand's
 * grid (`_served-figures.ts`), and tests/uncertainty/reused-model.test.ts holds every figure of the bundled graph's
 * samples identical to fresh solves. (The clean home for this is a `retarget` method on src/flow/_allocator.ts,
 * which owns the model; this file reads only the LP text that allocator writes.)
 */
import type { Highs } from "highs";

/** An LP text in the subset the flow model writes, parsed; lists in text order. */
interface ParsedLp {
  /** Everything but the numbers: equal shapes have the same rows, columns, terms and bound forms, in order. */
  shape: string;
  /** Coefficients: row name, column name, value. */
  terms: Array<{ row: string; col: string; value: number }>;
  /** Objective costs by column. */
  costs: Map<string, number>;
  rowBounds: Array<{ name: string; lo: number; hi: number }>;
  colBounds: Map<string, [number, number]>;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

const COLUMN = /^[A-Za-z_][\w.]*$/;

/** Terms of a linear expression (`2 f1 - f3 + 0.5 s2`); null for anything else (a quadratic term, a bracket). */
function expression(tokens: string[]): Array<{ col: string; value: number }> | null {
  const out: Array<{ col: string; value: number }> = [];
  let sign = 1;
  let coef: number | null = null;
  for (const token of tokens) {
    if (token === "+" || token === "-") {
      sign = token === "-" ? -1 : 1;
    } else if (NUMBER.test(token)) {
      coef = Number(token);
    } else {
      const negated = token.startsWith("-");
      const col = negated ? token.slice(1) : token;
      if (!COLUMN.test(col)) return null;
      out.push({ col, value: sign * (negated ? -1 : 1) * (coef ?? 1) });
      sign = 1;
      coef = null;
    }
  }
  return out;
}

const OPERATORS = new Set(["<=", ">=", "="]);

/** Parse the text; null when it holds anything outside the subset (then the caller parses it with HiGHS). */
export function parseLp(text: string, infinity: number): ParsedLp | null {
  const shape: string[] = [];
  const terms: ParsedLp["terms"] = [];
  const costs = new Map<string, number>();
  const rowBounds: ParsedLp["rowBounds"] = [];
  const colBounds = new Map<string, [number, number]>();
  let section = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "") continue;
    if (/^(maximize|minimize|subject to|bounds|end)$/i.test(line)) {
      section = line.toLowerCase();
      shape.push(section);
      continue;
    }
    const tokens = line.split(/\s+/);
    if (section === "maximize" || section === "minimize") {
      if (tokens[0] !== "obj:") return null;
      const objective = expression(tokens.slice(1));
      if (!objective) return null;
      for (const t of objective) costs.set(t.col, (costs.get(t.col) ?? 0) + t.value);
      shape.push(`obj ${objective.map((t) => t.col).join(" ")}`);
    } else if (section === "subject to") {
      const name = tokens[0]!;
      const op = tokens.length - 2;
      if (!name.endsWith(":") || !OPERATORS.has(tokens[op]!) || !NUMBER.test(tokens[op + 1]!)) return null;
      const row = name.slice(0, -1);
      const rhs = Number(tokens[op + 1]);
      const lhs = expression(tokens.slice(1, op));
      if (!lhs) return null;
      for (const t of lhs) terms.push({ row, col: t.col, value: t.value });
      const kind = tokens[op]!;
      rowBounds.push({
        name: row,
        lo: kind === "<=" ? -infinity : rhs,
        hi: kind === ">=" ? infinity : rhs,
      });
      shape.push(`${row} ${lhs.map((t) => t.col).join(" ")} ${kind}`);
    } else if (section === "bounds") {
      // `lo <= x <= hi`, `x >= lo`, `x <= hi`, `x = v`
      if (tokens.length === 5 && tokens[1] === "<=" && tokens[3] === "<=" && NUMBER.test(tokens[0]!)) {
        colBounds.set(tokens[2]!, [Number(tokens[0]), Number(tokens[4])]);
        shape.push(`${tokens[2]} range`);
      } else if (tokens.length === 3 && OPERATORS.has(tokens[1]!) && NUMBER.test(tokens[2]!)) {
        const v = Number(tokens[2]);
        const [lo, hi] = colBounds.get(tokens[0]!) ?? [0, infinity];
        colBounds.set(tokens[0]!, tokens[1] === ">=" ? [v, hi] : tokens[1] === "<=" ? [lo, v] : [v, v]);
        shape.push(`${tokens[0]} ${tokens[1]}`);
      } else return null;
    } else return null;
  }
  return { shape: shape.join("\n"), terms, costs, rowBounds, colBounds };
}

/** The cached model, what it was last set to, and where each parsed item sits in it (fixed by the shape). */
interface Cached {
  model: ReturnType<Highs["createModel"]>;
  lp: ParsedLp;
  cols: string[];
  /** Per parsed row bound, per term: its row / column index in the model. */
  rowAt: Int32Array;
  termRow: Int32Array;
  termCol: Int32Array;
  numRows: number;
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
    const reuse = (source: Parameters<Highs["createModel"]>[0]) => this.createModel(source);
    this.highs = new Proxy(base, {
      get: (target, key) => (key === "createModel" ? reuse : Reflect.get(target, key)),
    });
  }

  private createModel(source: Parameters<Highs["createModel"]>[0]): ReturnType<Highs["createModel"]> {
    const text =
      source && "format" in source && source.format === "lp" ? (source as { data: unknown }).data : null;
    const lp = typeof text === "string" ? parseLp(text, this.base.infinity) : null;
    if (lp && this.cached && this.cached.lp.shape === lp.shape) {
      this.update(this.cached, lp);
      return this.cached.model;
    }
    this.dispose();
    const model = this.base.createModel(source);
    if (!lp) return model; // not reusable: the caller owns and disposes it
    const { numCols, numRows } = model.getDimensions();
    const cols = Array.from({ length: numCols }, (_, j) => model.getColName(j));
    const colIndex = new Map(cols.map((c, j) => [c, j]));
    const rowIndex = new Map(Array.from({ length: numRows }, (_, i) => [model.getRowName(i), i]));
    this.cached = {
      model,
      lp,
      cols,
      rowAt: Int32Array.from(lp.rowBounds, (r) => rowIndex.get(r.name) ?? -1),
      termRow: Int32Array.from(lp.terms, (t) => rowIndex.get(t.row) ?? -1),
      termCol: Int32Array.from(lp.terms, (t) => colIndex.get(t.col) ?? -1),
      numRows,
    };
    return model;
  }

  /** Set every bound and cost from `lp`, and the coefficients that differ from the cached text's. */
  private update(cached: Cached, lp: ParsedLp): void {
    const { model, cols, rowAt, termRow, termCol, numRows } = cached;
    const inf = this.base.infinity;
    if (cols.length > 0) {
      const all = { kind: "range", from: 0, to: cols.length - 1 } as const;
      const lo = Float64Array.from(cols, (c) => lp.colBounds.get(c)?.[0] ?? 0);
      const hi = Float64Array.from(cols, (c) => lp.colBounds.get(c)?.[1] ?? inf);
      model.changeColsBounds(all, lo, hi);
      model.changeColsCost(
        all,
        Float64Array.from(cols, (c) => lp.costs.get(c) ?? 0),
      );
    }
    if (numRows > 0) {
      // rows the reader dropped (no terms) keep their bounds: free
      const lo = new Float64Array(numRows).fill(-inf);
      const hi = new Float64Array(numRows).fill(inf);
      lp.rowBounds.forEach((r, k) => {
        if (rowAt[k]! < 0) return;
        lo[rowAt[k]!] = r.lo;
        hi[rowAt[k]!] = r.hi;
      });
      model.changeRowsBounds({ kind: "range", from: 0, to: numRows - 1 }, lo, hi);
    }
    const before = cached.lp.terms;
    for (let k = 0; k < lp.terms.length; k++) {
      const value = lp.terms[k]!.value;
      if (before[k]!.value !== value && termRow[k]! >= 0 && termCol[k]! >= 0)
        model.changeCoefficient(termRow[k]!, termCol[k]!, value);
    }
    cached.lp = lp;
  }

  dispose(): void {
    this.cached?.model.dispose();
    this.cached = null;
  }
}
