/**
 * The LP solver: HiGHS (Huangfu & Hall, "Parallelizing the dual revised simplex method", Math. Prog. Comp. 2018)
 * compiled to WebAssembly (npm `highs`). Loaded once per process and cached: loading compiles the module
 * (~30-75 ms), each later solve of a model of a few hundred variables takes a few milliseconds.
 */
import highsModule, { type Basis, type Highs, type Model } from "highs";
import { ChokepointError } from "../model/errors.js";
import type { FlowModel } from "./flow-model.js";

/** An LP the solver could not solve to optimality (a bug in the model builder, or numerical trouble). */
export class FlowSolveError extends ChokepointError {
  readonly status: string;
  constructor(status: string, what: string) {
    super(
      "E_FLOW_SOLVE",
      `the flow LP (${what}) ended with status "${status}"`,
      "this is a bug in chokepoint's flow model or a numerically extreme graph: please report it with the graph file",
    );
    this.status = status;
  }
}

// `highs` ships ESM (default export = the loader) but types itself as CommonJS, so TypeScript sees the module
// object; take `.default` when a CommonJS interop wrapper is in between, else the import itself.
type Loader = () => Promise<Highs>;
const highsLoader: Loader =
  ((highsModule as unknown as { default?: Loader }).default as Loader | undefined) ??
  (highsModule as unknown as Loader);

let cached: Promise<Highs> | undefined;

/**
 * HiGHS throws plain Errors from its WebAssembly glue when it cannot even read a model (coefficients of 1e15
 * and more: "Unable to read LP model", "readModel failed"), and they reached the user as a stack trace with
 * 170 KB of minified source. Every call into HiGHS, and into the models it creates, goes through this wrapper,
 * which turns such an error into a typed FlowSolveError. Plain data (solve results) is returned as it is.
 */
function typedCalls<T>(value: T): T {
  if (value === null || typeof value !== "object" || Array.isArray(value) || ArrayBuffer.isView(value))
    return value;
  const proto = Object.getPrototypeOf(value);
  const hasMethods =
    proto !== Object.prototype || Object.values(value as object).some((v) => typeof v === "function");
  if (!hasMethods) return value;
  return new Proxy(value as object, {
    get(target, key) {
      const member = Reflect.get(target, key, target);
      if (typeof member !== "function") return typeof key === "symbol" ? member : typedCalls(member);
      return (...args: unknown[]) => {
        let result: unknown;
        try {
          result = member.apply(target, args);
        } catch (e) {
          if (e instanceof ChokepointError) throw e;
          const message = e instanceof Error ? e.message : String(e);
          throw new FlowSolveError(
            `not solved: ${message.split("\n")[0]!.slice(0, 120)}`,
            `HiGHS ${String(key)}`,
          );
        }
        return typedCalls(result);
      };
    },
  }) as T;
}

/** The HiGHS instance, loaded on first use; its errors are typed (see `typedCalls`). */
export function loadHighs(): Promise<Highs> {
  if (!cached) cached = highsLoader().then(typedCalls);
  return cached;
}

/**
 * Past this many columns, the interior-point solver (with crossover, so duals stay those of a vertex) beats dual
 * simplex on flow LPs: measured on a generated 10^4-node graph (36,594 edges), 6.5 s of CPU instead of 13.4 s.
 */
export const IPM_COLUMNS = 5000;

/** Solver options for an LP with `columns` columns. */
export function lpOptions(columns: number): { solver?: "ipm" } {
  return columns > IPM_COLUMNS ? { solver: "ipm" } : {};
}

/** Primal and dual values of one solved LP, by column name and row index. */
export interface LpSolution {
  objective: number;
  /** Column name → primal value. */
  primal: Map<string, number>;
  /** Row index (model order) → primal activity. */
  rowPrimal: Float64Array;
  /** Row index → dual value (for a maximisation: objective gained per unit the row's bound is raised). */
  rowDual: Float64Array;
}

/**
 * Solve an LP written in CPLEX LP format.
 * @throws FlowSolveError unless HiGHS reports `Optimal`.
 */
export function solveLp(highs: Highs, text: string, what: string, rows: number, columns = 0): LpSolution {
  let result: ReturnType<Highs["solve"]>;
  try {
    result = highs.solve(text, lpOptions(columns));
  } catch (e) {
    // HiGHS throws (a plain Error from its WebAssembly glue) when it cannot even read the model, e.g. on
    // coefficients of 1e15 or more; keep it typed so the CLI says what failed instead of a crash.
    throw new FlowSolveError(
      `not solved: ${String((e as Error).message ?? e)
        .split("\n")[0]!
        .slice(0, 120)}`,
      what,
    );
  }
  if (result.Status !== "Optimal") throw new FlowSolveError(result.Status, what);
  return solutionOf(result, rows);
}

/** The primal values, row activities and duals of an optimal HiGHS result, as an `LpSolution`. */
export function solutionOf(result: ReturnType<Highs["solve"]>, rows: number): LpSolution {
  const primal = new Map<string, number>();
  for (const [name, column] of Object.entries(result.Columns)) {
    primal.set(name, "Primal" in column ? (column.Primal as number) : 0);
  }
  const rowPrimal = new Float64Array(rows);
  const rowDual = new Float64Array(rows);
  for (const row of result.Rows) {
    const r = row as { Index: number; Primal?: number; Dual?: number };
    rowPrimal[r.Index] = r.Primal ?? 0;
    rowDual[r.Index] = r.Dual ?? 0;
  }
  return { objective: result.ObjectiveValue, primal, rowPrimal, rowDual };
}

/**
 * Options for a cold max-total solve: the dual simplex with Dantzig pricing on the unscaled LP. Measured on the
 * generated 10^4-node graph, back to back (load 4-5): 0.7-0.9 CPU s instead of 1.8-2.3 with HiGHS's defaults
 * (steepest-edge pricing, equilibration scaling): about 20,000 iterations either way, but a Dantzig iteration
 * needs no weight updates, and the network rows (coefficients 1 and recipe amounts) need no scaling. Devex,
 * Dantzig alone and no scaling alone each stayed at 1.4-3 s. `FALLBACK_OPTIONS` puts the defaults back for the
 * last attempt, should a graph with extreme numbers trouble the unscaled LP.
 */
export const COLD_OPTIONS = { simplex_scale_strategy: 0, simplex_dual_edge_weight_strategy: 0 } as const;
/** HiGHS's defaults for what `COLD_OPTIONS` changes. */
export const FALLBACK_OPTIONS = { simplex_scale_strategy: 2, simplex_dual_edge_weight_strategy: -1 } as const;

/** HiGHS's model status for an optimum (`Model.getModelStatus`). */
const MODEL_OPTIMAL = 7;

/**
 * Solve `lp` as it stands, trying each way to prepare it in turn until one reaches an optimum: a warm start can
 * fail on a degenerate or ill-conditioned basis, so callers retry from the slack basis, then a cleared solver.
 * The optimum VALUE does not depend on where the solve started. Returns it; throws `FlowSolveError` naming
 * `what` when every attempt fails.
 */
export function runWithFallbacks(lp: Model, attempts: readonly (() => void)[], what: string): number {
  let status: number | string = "not run";
  for (const prepare of attempts) {
    try {
      prepare();
      lp.run();
      status = lp.getModelStatus();
      if (status === MODEL_OPTIMAL) return lp.getObjectiveValue();
    } catch (error) {
      status = error instanceof Error ? error.message : String(error);
    }
  }
  throw new FlowSolveError(`model status ${status}`, what);
}

/**
 * Restart the next solve of `lp` from `basis` on a cleared solver (the N-1 knockouts: a knockout only tightens
 * bounds, so the base optimum stays dual feasible). From an optimal basis presolve has nothing to gain, and
 * exact steepest-edge weights cost more to set up than the few dozen iterations they save (Devex instead):
 * 55-60 ms per knockout at 10^4 nodes, from 100+.
 */
export function restartFromBasis(lp: Model, basis: Basis): void {
  lp.clearSolver();
  lp.options.set({ presolve: "off", simplex_dual_edge_weight_strategy: 1 });
  lp.setBasis(basis);
}

/**
 * Primal values of `lp`'s last solve, for the flow models built on one `FlowModel` (the allocator and the
 * knockout model): flow per edge index, served per node index (0 for non-consumers), noise below 0 clipped.
 * `edgeCol` maps an edge to its column (null: the edge's index is its column). No model (nothing to solve):
 * all zeros.
 */
export function flowPrimal(
  lp: Model | undefined,
  flow: FlowModel,
  edgeCol: Int32Array | null,
  servedCol: Int32Array,
): { edgeFlow: Float64Array; served: Float64Array } {
  const edgeFlow = new Float64Array(flow.edges.length);
  const served = new Float64Array(flow.nodes.length);
  if (!lp) return { edgeFlow, served };
  const { colValue } = lp.getSolution();
  for (let e = 0; e < edgeFlow.length; e++) edgeFlow[e] = Math.max(0, colValue[edgeCol ? edgeCol[e]! : e]!);
  for (const i of flow.consumers) served[i] = Math.max(0, colValue[servedCol[i]!]!);
  return { edgeFlow, served };
}
