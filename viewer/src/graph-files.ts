/**
 * The page's side of loading a graph: a bundled graph's text (`loadText`) or a user's file. The analyses of the graph on screen stop as soon as a file
 * comes (`FileTarget.quiet`). A file up to `LARGE_FILE_BYTES` is checked here, on the page's thread, and goes to
 * the analysis workers once it has passed (`FileTarget.show`); a larger one is checked by the loader worker
 * (`load-worker.ts`), so the page stays responsive and a 10^5-node graph never reaches it. A graph too large to
 * draw is offered as an aggregate by country and stage, with drill-down into one super-node and the way back.
 * Graphs the page already holds (the one `chokepoint view` serves) get the same offer.
 *
 * Why the workers do not check a dropped file beside the page: on 2 cores, with the GPU process drawing in
 * software, the full worker's check of the same bytes took the page's CPU, and its head start did not bring
 * served demand sooner. Measured side by side (tests/bench/results/viewer-first-drawing.md, 2026-12-06 17:05
 * UTC, 6 alternating runs each): first drawing 1.95 s with the workers checking at the drop, 1.25 s without;
 * served demand 4.10 s and 4.11 s.
 *
 * Why not every file in the loader worker: measured on the 2 shared cores of this project's machine
 * (tests/bench/results/viewer-10k.md), checking a dropped 10^4-node file there and building the page's graph from
 * its checked parts drew it later than the page's own check (median 5.6 s against 4.4 s, 3 alternating runs
 * each at load 8-9), as did a preview of its nodes drawn first in an earlier session.
 */
import { DirectedGraph } from "graphology";
import { checkGraphBytes, checkGraphText } from "../../src/io/parse-graph.js";
import { graphFromParts } from "../../src/model/graph-checks.js";
import type { SupplyGraph } from "../../src/model/types.js";
import { aggregateByCountryStage, drillDown } from "./aggregate.js";
import type { GraphSource } from "./graph-source.js";
import type { LoadRequest, LoadResponse } from "./load-worker.js";
import type { Messages } from "./panels/messages.js";
import { LARGE_FILE_BYTES, LARGE_GRAPH_NODES } from "./settings.js";
import type { State } from "./state.js";

/** What loading drives in the app. */
export interface FileTarget {
  /**
   * Show a checked graph (no further size question); `source` is what the analysis workers load (an export of the
   * graph when absent).
   */
  show(graph: SupplyGraph, title: string, state: State, source?: GraphSource): void;
  /** The file was not shown after all: the analyses of the graph on screen start again. */
  restore(): void;
  /**
   * A file is being read: stop the analyses of the graph on screen (their CPU goes to the check); `restore`
   * starts them again if the file is not shown.
   */
  quiet(): void;
}

/** The text of the aggregate-or-draw question. */
function sizeQuestion(title: string, order: number, size: number, recipesNote: string): string {
  return (
    `${title} has ${order.toLocaleString("en-US")} nodes and ${size.toLocaleString("en-US")} edges: drawing it ` +
    `takes a while and shows little. Aggregate it (one node per country and stage; ${recipesNote}) or draw it anyway?`
  );
}

export class GraphFiles {
  /** The worker that checks the current file and hands out aggregates and drill-downs. */
  private loader: Worker | null = null;
  /** Drill down into a super-node of the aggregate on screen (null when none is shown). */
  private drill: ((group: string) => void) | null = null;

  constructor(
    private readonly target: FileTarget,
    private readonly messages: Messages,
  ) {}

  /** Check a file and show it (or ask how, when it is too large to draw). */
  async load(file: File, state: State): Promise<void> {
    this.target.quiet();
    const bytes = new Uint8Array(await file.arrayBuffer());
    this.loader?.terminate();
    this.loader = null;
    this.drill = null;
    const source = { kind: "bytes", bytes, file: file.name } as const;
    if (bytes.length > LARGE_FILE_BYTES) this.loadInWorker(source, state);
    else this.loadHere(source, state);
  }

  /**
   * Check a graph's text (a bundled graph, or the one `chokepoint view` serves) with the library's loader and
   * show it; on errors list them and keep the graph on screen (nothing was stopped for it). A graph too large to
   * draw gets the aggregate-or-draw question.
   */
  loadText(text: string, title: string, state: State): void {
    const result = checkGraphText(text, { file: title });
    if (!result.graph || result.problems.some((p) => p.severity === "error")) {
      this.messages.loadProblems(title, result.problems);
      return;
    }
    const source: GraphSource = { kind: "bytes", bytes: new TextEncoder().encode(text), file: title };
    if (result.graph.order > LARGE_GRAPH_NODES) this.offer(result.graph, title, state, source);
    else this.target.show(result.graph, title, state, source);
  }

  /** Check a file on the page's thread. */
  private loadHere(source: { bytes: Uint8Array<ArrayBuffer>; file: string }, state: State): void {
    const name = source.file;
    const result = checkGraphBytes(source.bytes, { file: name });
    if (!result.graph || result.problems.some((p) => p.severity === "error")) {
      this.target.restore();
      this.messages.loadProblems(name, result.problems);
      return;
    }
    // the workers get a Blob of the same bytes: posting it copies nothing on this thread (see graph-source.ts)
    const shared: GraphSource = { kind: "blob", blob: new Blob([source.bytes]), file: name };
    if (result.graph.order > LARGE_GRAPH_NODES) {
      this.target.restore();
      this.offer(result.graph, name, state, shared);
    } else this.target.show(result.graph, name, state, shared);
    this.warnings(name, result.problems.length);
  }

  private warnings(name: string, warnings: number): void {
    if (warnings > 0)
      this.messages.info(
        `${name} loaded with ${warnings} warning${warnings === 1 ? "" : "s"} (see validate).`,
      );
  }

  /** Check a large file in the loader worker; the page gets its checked parts, or its size and aggregates. */
  private loadInWorker(source: { bytes: Uint8Array<ArrayBuffer>; file: string }, state: State): void {
    const { bytes, file: name } = source;
    const shared: GraphSource = { kind: "blob", blob: new Blob([bytes]), file: name };
    const loader = new Worker(new URL("./load-worker.ts", import.meta.url), { type: "module" });
    this.loader = loader;
    const ask = (request: LoadRequest) => loader.postMessage(request);
    this.messages.info(`Checking ${name} (${(bytes.length / 1e6).toFixed(0)} MB)…`);
    let aggregate: SupplyGraph | null = null;
    loader.onerror = (event) => this.messages.error(`${name} could not be read: ${event.message}`);
    loader.onmessage = (event: MessageEvent<LoadResponse>) => {
      const response = event.data;
      if (response.type === "problems") {
        this.target.restore();
        this.messages.loadProblems(name, response.problems);
      } else if (response.type === "large")
        this.messages.choose(
          sizeQuestion(
            name,
            response.order,
            response.size,
            "recipes are dropped, so analyses become coarse; select a super-node to drill down into its facilities",
          ),
          [
            {
              id: "aggregate",
              label: "Aggregate by country and stage",
              run: () => ask({ type: "aggregate" }),
            },
            { id: "draw-anyway", label: "Draw anyway", run: () => ask({ type: "full" }) },
          ],
        );
      else if (response.type === "parts") {
        this.target.show(graphFromParts(response.parts), name, state, shared);
        this.warnings(name, response.warnings);
      } else {
        const graph = DirectedGraph.from(response.graph) as SupplyGraph;
        if (response.kind === "aggregate") {
          aggregate = graph;
          this.showAggregate(graph, name, state, (group) => ask({ type: "drill", group }));
        } else this.showDrill(graph, aggregate, name, state, (group) => ask({ type: "drill", group }));
      }
    };
    // a copy: the page keeps `bytes` for the analysis workers
    ask({ type: "load", bytes: bytes.slice(), file: name, maxNodes: LARGE_GRAPH_NODES });
  }

  /** A graph the page holds that is too large to draw without asking: offer its aggregate or the whole. */
  offer(graph: SupplyGraph, title: string, state: State, source?: GraphSource): void {
    this.messages.choose(
      sizeQuestion(title, graph.order, graph.size, "recipes are dropped, so analyses become coarse"),
      [
        {
          id: "aggregate",
          label: "Aggregate by country and stage",
          run: () => {
            const aggregate = aggregateByCountryStage(graph);
            const drill = (group: string) => {
              const sub = drillDown(graph, group);
              if (sub) this.showDrill(sub, aggregate, title, state, drill);
            };
            this.showAggregate(aggregate, title, state, drill);
          },
        },
        { id: "draw-anyway", label: "Draw anyway", run: () => this.target.show(graph, title, state, source) },
      ],
    );
  }

  /** Drill down into a super-node of the aggregate on screen (nothing when none is shown). */
  drillDown(group: string): void {
    this.drill?.(group);
  }

  /** Forget the aggregate: a graph from elsewhere is shown. */
  forget(): void {
    this.drill = null;
  }

  private showAggregate(aggregate: SupplyGraph, title: string, state: State, drill: (g: string) => void) {
    this.target.show(aggregate, `${title} (aggregated)`, state);
    this.drill = drill;
  }

  /** After a drill-down: say what the graph is, and offer the way back to the aggregate. */
  private showDrill(
    sub: SupplyGraph,
    aggregate: SupplyGraph | null,
    title: string,
    state: State,
    drill: (group: string) => void,
  ): void {
    this.target.show(sub, `${title}: ${sub.getAttribute("name") ?? "drill-down"}`, state);
    this.drill = null;
    if (!aggregate) return;
    this.messages.choose(
      "Drilled down: one super-node's facilities with their direct suppliers and customers. Analyses here see " +
        "only these nodes: a supplier at the border is taken as a source.",
      [
        {
          id: "back-to-aggregate",
          label: "Back to the aggregate",
          run: () => this.showAggregate(aggregate, title, state, drill),
        },
      ],
    );
  }
}
