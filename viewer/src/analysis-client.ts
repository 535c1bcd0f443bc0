/**
 * The viewer's side of the analysis workers. Two workers: a quick one (supply and single points of failure, a
 * few ms) and a full one (the flow LPs, up to seconds), so the page answers at once and fills in later. A new
 * request replaces the old one: the full worker, if still busy on a scenario nobody looks at any more, is
 * terminated and restarted rather than queued behind, by a spare worker loaded beforehand: a worker made while the
 * page's thread is busy (checking a dropped file, drawing) gets its first message only when that thread is free,
 * measured seconds later in Chrome. Responses to older requests are dropped here. While a new
 * graph's first frame is being drawn the quick worker's request waits (`holdQuick`): its check of the file would
 * take the CPU that software WebGL draws with, and the full worker answers the first stages meanwhile.
 */
import type { Lever } from "../../src/levers/types.js";
import type { Scenario } from "../../src/scenario/types.js";
import type { WorkerRequest, WorkerResponse } from "./analysis-worker.js";
import type { GraphSource } from "./graph-source.js";
import { newStopToken, revokeStopToken } from "./stop-token.js";

export class AnalysisClient {
  private readonly quickWorker: Worker;
  private fullWorker: Worker;
  /**
   * A loaded worker that takes over when the full one is stopped; the next is made when the full analysis has
   * ended (one made at a drop would take CPU from the file's check and the first drawing, one made meanwhile
   * from the served demand's LPs).
   */
  private spare: Worker | null;
  private fullBusy = false;
  /** The stop token of the full worker's request under way (`stop-token.ts`): revoked when it is stopped or ends. */
  private fullStop: string | null = null;
  private requestId = 0;
  private graph: GraphSource | null = null;
  /** Quick requests wait for `releaseQuick` (true), and the latest of them (`held`). */
  private quickHeld = false;
  private held: WorkerRequest | null = null;

  /**
   * @param onResponse called with the responses to the latest request only
   * @param onFailure called when a worker itself fails (not a scenario error: those come as responses)
   */
  constructor(
    private readonly onResponse: (response: WorkerResponse) => void,
    private readonly onFailure: (message: string) => void,
  ) {
    this.quickWorker = this.newWorker();
    this.fullWorker = this.newWorker();
    this.spare = this.newWorker();
  }

  /** Stop the full worker and put the spare in its place (it gets the graph; the next request starts it). */
  private replaceFull(): void {
    // the token first: a worker busy in a long task stops at its next check, not when the page is next free
    this.endFull();
    this.fullWorker.terminate();
    this.fullWorker = this.spare ?? this.newWorker();
    this.spare = null;
    this.fullBusy = false;
  }

  /** Revoke the stop token of the full request under way (it has ended, or is being stopped). */
  private endFull(): void {
    revokeStopToken(this.fullStop);
    this.fullStop = null;
  }

  private newWorker(): Worker {
    const worker = new Worker(new URL("./analysis-worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => this.received(event.data);
    worker.onerror = (event) => this.onFailure(event.message);
    return worker;
  }

  /**
   * Hand both workers the graph that the next requests analyse (nothing when they have it already); each checks
   * it at its first request. A full analysis still running is stopped: it was for the graph before.
   */
  setGraph(source: GraphSource): void {
    if (source === this.graph) return;
    this.graph = source;
    if (this.fullBusy) this.replaceFull();
    this.requestId++; // answers still on their way are for the graph before
    this.held = null;
    this.quickWorker.postMessage({ type: "graph", source } satisfies WorkerRequest);
    this.fullWorker.postMessage({ type: "graph", source } satisfies WorkerRequest);
  }

  /**
   * Stop the full analysis under way (a file is being read: the CPU goes to it); answers on their way are
   * dropped. The workers keep their graph: the next `analyze` starts again.
   */
  stop(): void {
    this.requestId++;
    this.held = null;
    if (!this.fullBusy) return;
    this.replaceFull();
    if (this.graph)
      this.fullWorker.postMessage({ type: "graph", source: this.graph } satisfies WorkerRequest);
  }

  /** Ask for the quick and the full analysis of a scenario; earlier requests are dropped. */
  analyze(scenario: Scenario, lever: Lever | null): void {
    this.requestId++;
    const request = { type: "analyze", id: this.requestId, scenario, lever } as const;
    const quick: WorkerRequest = { ...request, phase: "quick" };
    if (this.quickHeld) this.held = quick;
    else this.quickWorker.postMessage(quick);
    if (this.fullBusy) {
      this.replaceFull();
      if (this.graph)
        this.fullWorker.postMessage({ type: "graph", source: this.graph } satisfies WorkerRequest);
    }
    this.fullBusy = true;
    this.fullStop = newStopToken();
    // with the quick request held, the full worker posts the first stages too
    this.fullWorker.postMessage({
      ...request,
      phase: "full",
      early: this.quickHeld,
      stop: this.fullStop,
    } satisfies WorkerRequest);
  }

  /** Quick requests wait until `releaseQuick` (the latest is then sent). */
  holdQuick(): void {
    this.quickHeld = true;
  }

  /** Send the quick request that waited, if any; later ones go at once. */
  releaseQuick(): void {
    this.quickHeld = false;
    if (this.held) this.quickWorker.postMessage(this.held);
    this.held = null;
  }

  private received(response: WorkerResponse): void {
    if (response.type === "error" || response.data.complete) {
      if (response.id === this.requestId) {
        this.fullBusy = false;
        this.endFull();
      }
      if (!this.fullBusy) this.spare ??= this.newWorker();
    }
    if (response.id !== this.requestId) return; // a newer request is on its way
    this.onResponse(response);
  }
}
