/**
 * The page's side of the timeline worker: one request at a time, the latest wins. A simulation still running for
 * a scenario nobody looks at any more is stopped (the worker is terminated and restarted) rather than queued.
 */
import type { Lever } from "../../src/levers/types.js";
import type { Scenario } from "../../src/scenario/types.js";
import type { TimelineRequest, TimelineResponse } from "./timeline-worker.js";
import type { GraphSource } from "./graph-source.js";
import { newStopToken, revokeStopToken } from "./stop-token.js";

export class TimelineClient {
  /** Made when a simulation is asked for (not when one is stopped: see `stop`). */
  private worker: Worker | null = null;
  private busy = false;
  /** The stop token of the simulation under way (`stop-token.ts`). */
  private stopToken: string | null = null;
  private requestId = 0;
  private graph: GraphSource | null = null;
  /** The worker has the current graph (it is sent with the first simulation, not before: see `setGraph`). */
  private sent = false;

  /** @param onResponse called with the response to the latest request only */
  constructor(
    private readonly onResponse: (response: TimelineResponse) => void,
    private readonly onFailure: (message: string) => void,
  ) {}

  private newWorker(): Worker {
    const worker = new Worker(new URL("./timeline-worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<TimelineResponse>) => this.received(event.data);
    worker.onerror = (event) => this.onFailure(event.message);
    return worker;
  }

  /** The graph of the next simulations; the worker gets (and checks) it only when the first one is asked for. */
  setGraph(source: GraphSource): void {
    this.graph = source;
    this.sent = false;
  }

  simulate(scenario: Scenario, lever: Lever | null): void {
    this.requestId++;
    if (this.busy) {
      this.endRun();
      this.worker?.terminate();
      this.worker = null;
      this.sent = false;
    }
    this.worker ??= this.newWorker();
    if (!this.sent && this.graph) {
      this.worker.postMessage({ type: "graph", source: this.graph } satisfies TimelineRequest);
      this.sent = true;
    }
    this.busy = true;
    this.stopToken = newStopToken();
    this.worker.postMessage({
      type: "simulate",
      id: this.requestId,
      scenario,
      lever,
      stop: this.stopToken,
    } satisfies TimelineRequest);
  }

  /** Stop a simulation under way (its result would be for a graph no longer shown). */
  stop(): void {
    if (!this.busy) return;
    this.requestId++;
    this.busy = false;
    // the next worker is made by the next simulation: one made now, as a file comes, would take CPU from its check
    this.endRun();
    this.worker?.terminate();
    this.worker = null;
    this.sent = false;
    this.graph = null;
  }

  /** Revoke the token of the simulation under way: a busy worker stops at its next check (see stop-token.ts). */
  private endRun(): void {
    revokeStopToken(this.stopToken);
    this.stopToken = null;
  }

  kill(): void {
    this.worker?.terminate();
  }

  private received(response: TimelineResponse): void {
    if (response.id !== this.requestId) return; // a newer request is on its way
    this.busy = false;
    this.endRun();
    this.onResponse(response);
  }
}
