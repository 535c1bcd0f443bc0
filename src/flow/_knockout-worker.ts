/**
 * Worker thread of the N-1 sweep (`_knockout-totals.ts`): one HiGHS instance and one persistent max-total model
 * (`_total-model.ts`) per thread. Messages in: `{ model, basis }` once, then `{ job, nodes }`; out: `{ job, totals }` or
 * `{ job, error }`. Each knockout restarts from the base basis on a cleared solver (`TotalModel.restart`), so a
 * total does not depend on which thread ran it or on what it ran before.
 */
import { parentPort } from "node:worker_threads";
import type { Basis } from "highs";
import { knockoutTotalsInline } from "./_knockout-totals.js";
import { FlowSolveError, loadHighs } from "./_solver.js";
import { TotalModel } from "./_total-model.js";
import type { FlowModel } from "./flow-model.js";

type Message = { model: FlowModel; basis: Basis } | { job: number; nodes: Int32Array };

let lp: TotalModel | undefined;
let basis: Basis | undefined;
// HiGHS loads asynchronously: jobs sent right after the model wait for it, in order.
let queue: Promise<void> = Promise.resolve();
const port = parentPort;
port?.on("message", (message: Message) => {
  queue = queue.then(() => handle(message));
});

async function handle(message: Message): Promise<void> {
  if ("model" in message) {
    lp = new TotalModel(await loadHighs(), message.model);
    basis = message.basis;
    return;
  }
  try {
    const totals = knockoutTotalsInline(lp!, basis!, message.nodes);
    port!.postMessage({ job: message.job, totals }, [totals.buffer as ArrayBuffer]);
  } catch (e) {
    const error =
      e instanceof FlowSolveError
        ? { status: e.status, what: e.message }
        : { status: String(e), what: "N-1" };
    port!.postMessage({ job: message.job, error });
  }
}
