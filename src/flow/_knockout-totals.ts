/**
 * The max-total served demand with each node knocked out alone, inline (`knockoutTotalsInline`) or spread over
 * worker threads (`KnockoutPool`, one HiGHS instance per thread). Every knockout restarts from the base
 * optimum's basis on a cleared solver, and results are stored by position, so the totals are the same numbers
 * whatever the thread count and whatever thread ran a knockout (tests/flow/flow-chokepoints.test.ts checks it).
 */
import { Worker } from "node:worker_threads";
import type { Basis } from "highs";
import type { TotalModel } from "./_total-model.js";
import { FlowSolveError } from "./_solver.js";
import type { FlowObjective } from "./_solve-flow.js";
import type { FlowModel } from "./flow-model.js";

/** Knockouts per message to a worker: small enough to balance two threads, large enough to hide messaging. */
const CHUNK = 8;

/** Max-total with each of `nodes` (indices) removed alone, on this thread. */
export function knockoutTotalsInline(
  lp: TotalModel,
  basis: Basis,
  nodes: ArrayLike<number>,
  onEach?: () => void,
): Float64Array {
  const totals = new Float64Array(nodes.length);
  for (let k = 0; k < nodes.length; k++) {
    lp.restart(basis, [nodes[k]!]);
    totals[k] = lp.maxTotal();
    onEach?.();
  }
  lp.knockOut([]);
  return totals;
}

/**
 * The worker script. Under the test runner this module is the TypeScript source, which a worker thread cannot
 * load: the built twin in dist/ is used then (`npm test` builds first).
 */
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith(".ts")
    ? new URL("../../dist/src/flow/_knockout-worker.js", here)
    : new URL("./_knockout-worker.js", here);
}

type Reply = {
  ready?: true;
  job: number;
  totals?: Float64Array;
  served?: Float64Array;
  error?: { status: string; what: string };
};

/** Per knocked-out node (same order as asked): its total, and (sweeps) served per consumer, flat. */
export interface KnockoutResults {
  totals: Float64Array;
  /** served[k × consumers + c]; empty for max-total totals. */
  served: Float64Array;
}

/** What the workers set up once: the model, the base basis, and for a sweep its objective (absent: totals). */
export interface PoolSetup {
  model: FlowModel;
  basis: Basis;
  objective?: FlowObjective;
}

/**
 * Knockouts of one node at a time: inline with one thread, else on `threads` workers that each build the model
 * once and stay up until `close` (the pruned sweep asks several times). Max-total totals on `TotalModel`s, or,
 * with `setup.objective`, whole allocations on `Allocator`s (the N-1 sweep, `_sweep-pool.ts`).
 */
export class KnockoutPool {
  private readonly inline: (nodes: readonly number[], onEach?: () => void) => KnockoutResults;
  private readonly setup: PoolSetup;
  private readonly width: number;
  private readonly threads: number;
  private workers: Worker[] = [];

  constructor(
    inline: (nodes: readonly number[], onEach?: () => void) => KnockoutResults,
    setup: PoolSetup,
    threads: number,
  ) {
    this.inline = inline;
    this.setup = setup;
    this.width = setup.objective ? setup.model.consumers.length : 0;
    this.threads = Math.max(1, Math.floor(threads));
  }

  /** A pool of max-total totals on `lp` (this thread) and `TotalModel`s (workers). */
  static ofTotals(lp: TotalModel, model: FlowModel, basis: Basis, threads: number): KnockoutPool {
    return new KnockoutPool(
      (nodes, onEach) => ({
        totals: knockoutTotalsInline(lp, basis, nodes, onEach),
        served: new Float64Array(0),
      }),
      { model, basis },
      threads,
    );
  }

  /**
   * Max-total with each of `nodes` removed alone (same order); `onEach` after each knockout.
   * @throws FlowSolveError when a knockout's LP cannot be solved
   */
  async totals(nodes: readonly number[], onEach?: () => void): Promise<Float64Array> {
    return (await this.results(nodes, onEach)).totals;
  }

  /**
   * Each of `nodes` removed alone (same order); `onEach` after each knockout.
   * @throws FlowSolveError when a knockout's LP cannot be solved
   */
  async results(nodes: readonly number[], onEach?: () => void): Promise<KnockoutResults> {
    const wanted = Math.min(this.threads, Math.ceil(nodes.length / CHUNK));
    if (wanted <= 1 && this.workers.length === 0) return this.inline(nodes, onEach);
    while (this.workers.length < wanted) {
      const worker = new Worker(workerUrl());
      worker.postMessage(this.setup);
      this.workers.push(worker);
    }
    const totals = new Float64Array(nodes.length);
    const served = new Float64Array(nodes.length * this.width);
    let next = 0;
    const run = (worker: Worker) =>
      new Promise<void>((resolve, reject) => {
        const send = () => {
          if (next >= nodes.length) return done(resolve);
          const from = next;
          next = Math.min(nodes.length, next + CHUNK);
          worker.postMessage({ job: from, nodes: Int32Array.from(nodes.slice(from, next)) });
        };
        const onMessage = (reply: Reply) => {
          if (reply.ready) return;
          if (reply.error)
            return done(() => reject(new FlowSolveError(reply.error!.status, reply.error!.what)));
          totals.set(reply.totals!, reply.job);
          if (reply.served) served.set(reply.served, reply.job * this.width);
          for (let k = 0; k < reply.totals!.length; k++) onEach?.();
          send();
        };
        const onError = (error: Error) => done(() => reject(error));
        const done = (then: () => void) => {
          worker.off("message", onMessage);
          worker.off("error", onError);
          then();
        };
        worker.on("message", onMessage);
        worker.on("error", onError);
        send();
      });
    await Promise.all(this.workers.map(run));
    return { totals, served };
  }

  /** Stop the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers = [];
  }
}
