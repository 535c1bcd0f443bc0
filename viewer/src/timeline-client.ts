/**
 * The page's side of the timeline worker: one request at a time, the latest wins. A simulation still running for
 * a scenario nobody looks at any more is stopped (the worker is terminated and restarted) rather than queued.
 */
import type { SerializedGraph } from "graphology-types";
import type { Lever } from "../../src/levers/types.js";
import type { Scenario } from "../../src/scenario/types.js";
import type { TimelineRequest, TimelineResponse } from "./timeline-worker.js";

export class TimelineClient {
  private worker: Worker;
  private busy = false;
  private requestId = 0;
  private graph: SerializedGraph | null = null;

  /** @param onResponse called with the response to the latest request only */
  constructor(
    private readonly onResponse: (response: TimelineResponse) => void,
    private readonly onFailure: (message: string) => void,
  ) {
    this.worker = this.newWorker();
  }

  private newWorker(): Worker {
    const worker = new Worker(new URL("./timeline-worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<TimelineResponse>) => this.received(event.data);
    worker.onerror = (event) => this.onFailure(event.message);
    return worker;
  }

  setGraph(graph: SerializedGraph): void {
    this.graph = graph;
    this.worker.postMessage({ type: "graph", graph } satisfies TimelineRequest);
  }

  simulate(scenario: Scenario, lever: Lever | null): void {
    this.requestId++;
    if (this.busy) {
      this.worker.terminate();
      this.worker = this.newWorker();
      if (this.graph) this.worker.postMessage({ type: "graph", graph: this.graph } satisfies TimelineRequest);
    }
    this.busy = true;
    this.worker.postMessage({
      type: "simulate",
      id: this.requestId,
      scenario,
      lever,
    } satisfies TimelineRequest);
  }

  /** Stop a simulation under way (its result would be for a graph no longer shown). */
  stop(): void {
    if (!this.busy) return;
    this.requestId++;
    this.busy = false;
    this.worker.terminate();
    this.worker = this.newWorker();
    this.graph = null;
  }

  kill(): void {
    this.worker.terminate();
  }

  private received(response: TimelineResponse): void {
    if (response.id !== this.requestId) return; // a newer request is on its way
    this.busy = false;
    this.onResponse(response);
  }
}
