/**
 * Solving points on worker threads (node:worker_threads) and this one. Points go out in fixed chunks, each chunk
 * to the next free thread, and results are put back by chunk index: the output is the same array whatever the
 * number of threads and whichever finishes first. Node only: the library imports this module lazily, when more
 * than one thread is asked for.
 */
import { Worker } from "node:worker_threads";
import { ChokepointError } from "../model/errors.js";
import type { SupplyGraph } from "../model/types.js";
import { type EvaluationPlan, evaluator, figureCount, type Point } from "./_evaluate.js";

/**
 * The worker script. Compiled, it sits next to this module; under a TypeScript test runner (this file is
 * `.ts`) the worker runs the built copy in `dist/` (`npm run build`), since a worker cannot load TypeScript.
 */
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith(".ts")
    ? new URL("../../dist/src/uncertainty/_sample-worker.js", here)
    : new URL("./_sample-worker.js", here);
}

/** An error a worker reported, with its code when it was a ChokepointError. */
function rethrown(error: { name?: string; code?: string; message?: string }): Error {
  if (error.code) return new ChokepointError(error.code, error.message ?? "error in a worker thread");
  return new Error(`${error.name ?? "Error"} in a worker thread: ${error.message ?? ""}`);
}

/**
 * Solve `points` on `threads` threads in chunks of `chunk`; rows in point order. This thread is one of them: a
 * worker costs about a second of CPU to start (modules, the solver's WebAssembly), which on 2 threads and 1,000
 * samples was a tenth of the run; the other `threads - 1` are workers. Each worker holds two chunks, so the next
 * is already queued while this thread is busy with a chunk of its own (worker messages wait for the event loop).
 */
export async function evaluateInThreads(
  graph: SupplyGraph,
  plan: EvaluationPlan,
  points: readonly Point[],
  threads: number,
  chunk: number,
  onChunk: (points: number) => void,
): Promise<Float64Array> {
  const width = figureCount(plan);
  const out = new Float64Array(points.length * width);
  const chunks = Math.ceil(points.length / chunk);
  let next = 0;
  const take = (): number | null => (next < chunks ? next++ : null);
  const part = (id: number) => points.slice(id * chunk, (id + 1) * chunk);
  const serialized = graph.export();
  const workers = Array.from(
    { length: Math.max(0, Math.min(threads - 1, chunks - 1)) },
    () => new Worker(workerUrl(), { workerData: { graph: serialized, plan } }),
  );
  const here = async () => {
    const evaluate = evaluator(graph.copy() as SupplyGraph, plan);
    for (let id = take(); id !== null; id = take()) {
      const rows = await evaluate(part(id));
      out.set(rows, id * chunk * width);
      onChunk(rows.length / width);
      // let the workers' results in (macrotasks) before the next chunk, so they get their next one at once
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  try {
    await Promise.all([
      here(),
      ...workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let inFlight = 0;
            const send = () => {
              const id = take();
              if (id === null) {
                if (inFlight === 0) resolve();
                return;
              }
              inFlight++;
              worker.postMessage({ id, points: part(id) });
            };
            worker.on("message", (m: { id: number; result?: Float64Array; error?: object }) => {
              inFlight--;
              if (m.error || !m.result) return reject(rethrown(m.error ?? {}));
              out.set(m.result, m.id * chunk * width);
              onChunk(m.result.length / width);
              send();
            });
            worker.on("error", reject);
            worker.on("exit", (code) => {
              if (inFlight > 0 || next < chunks || code !== 0)
                reject(new Error(`a worker thread stopped (exit code ${code})`));
            });
            send();
            send();
          }),
      ),
    ]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return out;
}
