/**
 * Worker thread of the N-1 knockouts (`_knockout-totals.ts`): one HiGHS instance and one persistent model per
 * thread. Messages in: `{ model, basis, objective? }` once, then `{ job, nodes }`; out: `{ job, totals, served? }`
 * or `{ job, error }`. Without `objective` the model is a `TotalModel` and each knockout gives its max-total;
 * with one it is an `Allocator` and each knockout gives its whole allocation (the N-1 sweep, `_sweep-pool.ts`).
 * Each knockout restarts from the base basis on a cleared solver (`TotalModel.restart`, `Allocator.restart`),
 * so a result does not depend on which thread ran it or on what it ran before.
 */
import { parentPort } from "node:worker_threads";
import type { Basis } from "highs";
import { Allocator } from "./_allocator.js";
import { knockoutTotalsInline } from "./_knockout-totals.js";
import type { FlowObjective } from "./_solve-flow.js";
import { FlowSolveError, loadHighs } from "./_solver.js";
import { sweepInline } from "./_sweep-pool.js";
import { TotalModel } from "./_total-model.js";
import type { FlowModel } from "./flow-model.js";

type Message =
  | { model: FlowModel; basis: Basis; objective?: FlowObjective }
  | { job: number; nodes: Int32Array };

let setup: { model: FlowModel; basis: Basis; objective?: FlowObjective } | undefined;
let lp: TotalModel | undefined;
let allocator: Allocator | undefined;
// HiGHS loads asynchronously: jobs sent right after the model wait for it, in order.
let queue: Promise<void> = Promise.resolve();
const port = parentPort;
port?.on("message", (message: Message) => {
  queue = queue.then(() => handle(message));
});

async function handle(message: Message): Promise<void> {
  if ("model" in message) {
    setup = message;
    const highs = await loadHighs();
    if (message.objective) allocator = new Allocator(highs, message.model);
    else lp = new TotalModel(highs, message.model);
    return;
  }
  try {
    if (allocator) {
      const { totals, served } = sweepInline(allocator, setup!, message.nodes);
      port!.postMessage({ job: message.job, totals, served }, [
        totals.buffer as ArrayBuffer,
        served.buffer as ArrayBuffer,
      ]);
      return;
    }
    const totals = knockoutTotalsInline(lp!, setup!.basis, message.nodes);
    port!.postMessage({ job: message.job, totals }, [totals.buffer as ArrayBuffer]);
  } catch (e) {
    const error =
      e instanceof FlowSolveError
        ? { status: e.status, what: e.message }
        : { status: String(e), what: "N-1" };
    port!.postMessage({ job: message.job, error });
  }
}
