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

type Reply = { ready?: true; job: number; totals?: Float64Array; error?: { status: string; what: string } };

/**
 * Max-total with nodes removed one at a time: inline on `lp` with one thread, else on `threads` workers
 * that each parse the model once and stay up until `close` (the pruned sweep asks several times).
 */
export class KnockoutPool {
  private readonly lp: TotalModel;
  private readonly model: FlowModel;
  private readonly basis: Basis;
  private readonly threads: number;
  private workers: Worker[] = [];

  constructor(lp: TotalModel, model: FlowModel, basis: Basis, threads: number) {
    this.lp = lp;
    this.model = model;
    this.basis = basis;
    this.threads = Math.max(1, Math.floor(threads));
  }

  /**
   * Max-total with each of `nodes` removed alone (same order); `onEach` after each knockout.
   * @throws FlowSolveError when a knockout's LP cannot be solved
   */
  async totals(nodes: readonly number[], onEach?: () => void): Promise<Float64Array> {
    const wanted = Math.min(this.threads, Math.ceil(nodes.length / CHUNK));
    if (wanted <= 1 && this.workers.length === 0)
      return knockoutTotalsInline(this.lp, this.basis, nodes, onEach);
    while (this.workers.length < wanted) {
      const worker = new Worker(workerUrl());
      worker.postMessage({ model: this.model, basis: this.basis });
      this.workers.push(worker);
    }
    const totals = new Float64Array(nodes.length);
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
    return totals;
  }

  /** Stop the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers = [];
  }
}
