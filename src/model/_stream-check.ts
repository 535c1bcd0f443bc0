/**
 * The checks of `checkWholeGraph`, fed member by member and batch by batch while a large file is scanned
 * (`io/_parse-large-json.ts`), so node and edge objects are dropped once checked. The problems and their order
 * are those of `checkWholeGraph` on the parsed file; where streaming cannot promise that, the check throws
 * `NeedsExactPass` or `NeedsWholeParse` and the loader redoes the load that way (error cases only).
 */
import { EdgeChecker, type EdgeSink } from "./_edge-check.js";
import { FlowRules } from "./_flow-rules.js";
import { NodeChecker } from "./_node-check.js";
import { zodProblems } from "./_problems.js";
import { DANGEROUS_KEYS, findReservedKeys, findReservedKeysInItems } from "./_reserved.js";
import {
  checkLimits,
  finishRun,
  type GraphCheckOptions,
  type GraphRun,
  graphLevelCheck,
  reservedKeyProblems,
} from "./graph-checks.js";
import { fileSchema, graphAttributesSchema } from "./schema.js";
import type { Problem } from "./types.js";

/** The fast duplicate-edge search found a repeat: redo the load with `exact` set. */
export class NeedsExactPass extends Error {}

/** A top-level key repeats (the last value counts, as in JSON.parse): redo the load from the whole value. */
export class NeedsWholeParse extends Error {}

const STREAMED = new Set(["nodes", "edges"]);

type Batch = [items: unknown[], first: number];

export class StreamedGraphCheck<S extends EdgeSink> {
  private readonly opts: Required<GraphCheckOptions>;
  /** The top-level object with each streamed array replaced by an empty one, for `fileSchema`. */
  private readonly top: Record<string, unknown> = {};
  private readonly reservedIn = new Map<string, string[]>();
  private anyReserved = false;
  private readonly intern = new Map<string, string>();
  /** null until `attributes` is known; then a node checker, or "skip" when the file will fail `fileSchema`. */
  private nodes: NodeChecker | "skip" | null = null;
  private nodesDone = false;
  private edges: { checker: EdgeChecker; flow: FlowRules; sink: S } | null = null;
  private nodeBuffer: Batch[] = [];
  private edgeBuffer: Batch[] = [];

  constructor(
    options: GraphCheckOptions,
    private readonly makeSink: () => S,
    /** Use the exact duplicate-edge search from the start (the redo after `NeedsExactPass`). */
    private readonly exact = false,
  ) {
    this.opts = checkLimits(options);
  }

  begin(name: string, isArray: boolean): boolean {
    if (Object.hasOwn(this.top, name)) throw new NeedsWholeParse();
    const streamed = isArray && STREAMED.has(name);
    if (streamed) {
      Object.defineProperty(this.top, name, {
        value: [],
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.reservedIn.set(name, []);
    }
    return streamed;
  }

  items(name: string, items: unknown[], first: number): void {
    const found = this.reservedIn.get(name)!;
    findReservedKeysInItems(items, name, first, found);
    if (found.length > 0) this.anyReserved = true;
    // Once the result is known to be only E_RESERVED_KEY problems, nothing else needs checking or keeping.
    if (this.anyReserved) {
      this.nodeBuffer = [];
      this.edgeBuffer = [];
      return;
    }
    (name === "nodes" ? this.nodeBuffer : this.edgeBuffer).push([items, first]);
    this.advance();
  }

  end(name: string, value: unknown): void {
    if (!this.reservedIn.has(name)) {
      Object.defineProperty(this.top, name, { value, enumerable: true, writable: true, configurable: true });
      if (DANGEROUS_KEYS.includes(name) || findReservedKeys(value, `/${name}`, [], 1).length > 0)
        this.anyReserved = true;
    }
    if (name === "attributes" && this.nodes === null) {
      // The stages come from the attributes as `fileSchema` outputs them; a bad record fails `fileSchema` anyway.
      const record = fileSchema.shape.attributes.safeParse(value);
      if (!record.success) this.nodes = "skip";
      else {
        const parsed = graphAttributesSchema.safeParse(record.data);
        const stages = new Set(parsed.success ? parsed.data.stages : []);
        this.nodes = new NodeChecker(this.opts, stages, this.intern);
      }
    }
    if (name === "nodes" && this.reservedIn.has(name)) this.nodesDone = true;
    if (!this.anyReserved) this.advance();
  }

  /** Check what is buffered as far as the file allows: nodes need the stages, edges need every node. */
  private advance(): void {
    const nodes = this.nodes;
    if (nodes === null) return;
    if (nodes === "skip") {
      this.nodeBuffer = [];
      this.edgeBuffer = [];
      return;
    }
    for (const [items, first] of this.nodeBuffer)
      for (let k = 0; k < items.length; k++) nodes.check(items[k], first + k);
    this.nodeBuffer = [];
    if (!this.nodesDone) return;
    const edges = this.startEdges(nodes);
    for (const [items, first] of this.edgeBuffer) {
      for (let k = 0; k < items.length; k++) edges.checker.check(items[k], first + k);
      if (edges.checker.redo) throw new NeedsExactPass();
    }
    this.edgeBuffer = [];
  }

  private startEdges(nodes: NodeChecker): { checker: EdgeChecker; flow: FlowRules; sink: S } {
    if (this.edges === null) {
      const flow = new FlowRules(nodes.nodeAt);
      const sink = this.makeSink();
      const checker = new EdgeChecker(nodes, flow, sink, this.opts.adoptInput, this.intern, this.exact);
      this.edges = { checker, flow, sink };
    }
    return this.edges;
  }

  /** After the last member: the result `checkWholeGraph` gives for the whole file. */
  finish(): GraphRun<S> {
    const top = this.top;
    if (this.anyReserved) {
      // The order of `findReservedKeys` on the whole value: top-level keys first, then each member's.
      const found: string[] = [];
      for (const key of DANGEROUS_KEYS) if (Object.hasOwn(top, key)) found.push(`/${key}`);
      for (const key of Object.keys(top)) {
        const streamed = this.reservedIn.get(key);
        if (streamed) found.push(...streamed);
        else findReservedKeys(top[key], `/${key}`, found, 1);
      }
      return { ok: false, problems: reservedKeyProblems(found) };
    }
    const file = fileSchema.safeParse(top);
    if (!file.success) {
      const problems: Problem[] = [];
      zodProblems(file.error, "", problems);
      return { ok: false, problems };
    }
    const nodes = this.nodes as NodeChecker;
    const edges = this.startEdges(nodes);
    edges.checker.finish();
    if (edges.checker.redo) throw new NeedsExactPass();
    return finishRun(graphLevelCheck(file.data), nodes, edges.checker, edges.flow, edges.sink);
  }
}
