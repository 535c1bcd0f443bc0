/**
 * A worker thread of the Monte Carlo (`_pool.ts`): rebuilds the graph from its serialization once, then solves
 * the chunks of points it is sent, one at a time, with the same `evaluator` the main thread uses.
 */
import { parentPort, workerData } from "node:worker_threads";
import { DirectedGraph } from "graphology";
import type { SerializedGraph } from "graphology-types";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, SupplyGraph } from "../model/types.js";
import { type EvaluationPlan, evaluator, type Point } from "./_evaluate.js";

const data = workerData as {
  graph: SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;
  plan: EvaluationPlan;
};
const graph: SupplyGraph = DirectedGraph.from(data.graph) as SupplyGraph;
const evaluate = evaluator(graph, data.plan);

parentPort!.on("message", (message: { id: number; points: Point[] }) => {
  evaluate(message.points).then(
    (result) => parentPort!.postMessage({ id: message.id, result }, [result.buffer as ArrayBuffer]),
    (e: unknown) => {
      const err = e as { name?: string; code?: string; message?: string };
      parentPort!.postMessage({
        id: message.id,
        error: { name: err.name, code: err.code, message: err.message },
      });
    },
  );
});
