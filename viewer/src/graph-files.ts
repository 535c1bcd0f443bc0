/**
 * The page's side of loading a user's graph file. A file up to `LARGE_FILE_BYTES` is checked here, on the page's
 * thread, and its preview (`preview.ts`: the nodes in tiers, coloured by country) is drawn before the graph is
 * built; a larger one is checked by the loader worker (`load-worker.ts`) so the page stays responsive. A graph
 * too large to draw is offered as an aggregate by country and stage, with drill-down into one super-node and
 * the way back. Graphs the page already holds (the one `chokepoint view` serves) get the same offer.
 *
 * Why not every file in the worker: on the 2 shared cores where the viewer is benchmarked, a dropped 10^4-node
 * file went from the drop to its first drawing in 7.8 s on the page's thread and 8.7 s through the worker (the
 * worker's start, copying the checked parts out and in, and a third check of the bytes running at once), and its
 * graph was drawn 15 s later; the page's thread is free anyway while the analysis workers run.
 */
import { DirectedGraph } from "graphology";
import { checkGraphBytesParts } from "../../src/io/parse-graph.js";
import { graphFromParts } from "../../src/model/graph-checks.js";
import type { SupplyGraph } from "../../src/model/types.js";
import { aggregateByCountryStage, drillDown } from "./aggregate.js";
import { afterNextFrame } from "./dom.js";
import type { GraphSource } from "./graph-source.js";
import type { LoadRequest, LoadResponse } from "./load-worker.js";
import type { Messages } from "./panels/messages.js";
import { type DrawPreview, type PreviewMode, previewOf, wantsPreview } from "./preview.js";
import { LARGE_FILE_BYTES, LARGE_GRAPH_NODES } from "./settings.js";
import type { State } from "./state.js";

/** What loading drives in the app. */
export interface FileTarget {
  /** Draw a file's preview; its analyses may start (`source` is what the analysis workers load). */
  preview(preview: DrawPreview, source: GraphSource, state: State): void;
  /** Show a checked graph (no further size question); `source` as for `preview`, an export when absent. */
  show(graph: SupplyGraph, title: string, state: State, source?: GraphSource): void;
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
  /** Counts loads: a preview's graph is built only if no other file came meanwhile. */
  private loads = 0;
  /** Drill down into a super-node of the aggregate on screen (null when none is shown). */
  private drill: ((group: string) => void) | null = null;

  constructor(
    private readonly target: FileTarget,
    private readonly messages: Messages,
  ) {}

  /**
   * Check a file and show it, with a preview first (always, or only when the file has no coordinates: the
   * preview is drawn in tiers, and a graph with coordinates opens on the map).
   */
  async load(file: File, state: State, preview: PreviewMode): Promise<void> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const load = ++this.loads;
    this.loader?.terminate();
    this.loader = null;
    this.drill = null;
    const source: GraphSource = { kind: "bytes", bytes, file: file.name };
    if (bytes.length > LARGE_FILE_BYTES) this.loadInWorker(source, state, preview);
    else this.loadHere(source, state, preview, load);
  }

  /** Check a file on the page's thread; draw its preview, and build its graph once that is on screen. */
  private loadHere(
    source: GraphSource & { kind: "bytes" },
    state: State,
    mode: PreviewMode,
    load: number,
  ): void {
    const name = source.file;
    const result = checkGraphBytesParts(source.bytes, { file: name });
    const parts = result.parts;
    if (!parts || result.problems.some((p) => p.severity === "error")) {
      this.messages.loadProblems(name, result.problems);
      return;
    }
    const show = () => {
      if (load !== this.loads) return; // another file came meanwhile
      const graph = graphFromParts(parts);
      if (graph.order > LARGE_GRAPH_NODES) this.offer(graph, name, state, source);
      else this.target.show(graph, name, state, source);
      this.warnings(name, result.problems.length);
    };
    if (parts.nodes.size <= LARGE_GRAPH_NODES && wantsPreview(parts, mode)) {
      this.target.preview(previewOf(parts), source, state);
      afterNextFrame(show);
    } else show();
  }

  private warnings(name: string, warnings: number): void {
    if (warnings > 0)
      this.messages.info(
        `${name} loaded with ${warnings} warning${warnings === 1 ? "" : "s"} (see validate).`,
      );
  }

  /** Check a large file in the loader worker; the page gets its preview and parts, or its size and aggregates. */
  private loadInWorker(source: GraphSource & { kind: "bytes" }, state: State, preview: PreviewMode): void {
    const { bytes, file: name } = source;
    const loader = new Worker(new URL("./load-worker.ts", import.meta.url), { type: "module" });
    this.loader = loader;
    const ask = (request: LoadRequest) => loader.postMessage(request);
    this.messages.info(`Checking ${name} (${(bytes.length / 1e6).toFixed(0)} MB)…`);
    let aggregate: SupplyGraph | null = null;
    loader.onerror = (event) => this.messages.error(`${name} could not be read: ${event.message}`);
    loader.onmessage = (event: MessageEvent<LoadResponse>) => {
      const response = event.data;
      if (response.type === "problems") this.messages.loadProblems(name, response.problems);
      else if (response.type === "preview") {
        this.target.preview(response.preview, source, state);
        // the graph's parts once the preview is on screen (see load-worker.ts)
        afterNextFrame(() => {
          if (this.loader === loader) ask({ type: "previewed" });
        });
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
        this.target.show(graphFromParts(response.parts), name, state, source);
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
    ask({ type: "load", bytes: bytes.slice(), file: name, maxNodes: LARGE_GRAPH_NODES, preview });
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
