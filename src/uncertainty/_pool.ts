/**
 * Solving points on worker threads (node:worker_threads). Points go out in fixed chunks, each chunk to the next
 * free worker, and results are put back by chunk index: the output is the same array whatever the number of
 * threads and whichever worker finishes first. Node only: the library imports this module lazily, when more
 * than one thread is asked for.
 */
import { Worker } from "node:worker_threads";
import { ChokepointError } from "../model/errors.js";
import type { SupplyGraph } from "../model/types.js";
import { type EvaluationPlan, figureCount, type Point } from "./_evaluate.js";

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

/** Solve `points` on `threads` workers in chunks of `chunk`; rows in point order. */
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
  const serialized = graph.export();
  const workers = Array.from(
    { length: Math.min(threads, chunks) },
    () => new Worker(workerUrl(), { workerData: { graph: serialized, plan } }),
  );
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= chunks) {
                resolve();
                return;
              }
              const id = next++;
              worker.postMessage({ id, points: points.slice(id * chunk, (id + 1) * chunk) });
            };
            worker.on("message", (m: { id: number; result?: Float64Array; error?: object }) => {
              if (m.error || !m.result) return reject(rethrown(m.error ?? {}));
              out.set(m.result, m.id * chunk * width);
              onChunk(m.result.length / width);
              send();
            });
            worker.on("error", reject);
            worker.on("exit", (code) => {
              if (next < chunks || code !== 0)
                reject(new Error(`a worker thread stopped (exit code ${code})`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return out;
}
