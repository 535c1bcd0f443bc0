/**
 * The per-edge checks of a graph file, one edge entry at a time, after every node is known. Kept edges go to a
 * sink, so the integer-view loader keeps typed columns and never holds the edge objects.
 */
import { type CheckedEdge, edgeKey } from "./_checked.js";
import { fastEdgeAttributes, fastEdgeEntry, isPlainRecord } from "./_fast-schema.js";
import type { FlowRules } from "./_flow-rules.js";
import type { NodeChecker } from "./_node-check.js";
import { warnUnknown, zodProblems } from "./_problems.js";
import { checkRanges } from "./_range-check.js";
import { isReservedId } from "./_reserved.js";
import { edgeAttributesSchema, edgeEntrySchema, KNOWN_EDGE_KEYS, RESERVED_DRAWING_KEYS } from "./schema.js";
import type { EdgeAttributes, Problem } from "./types.js";

type Raw = Record<string, unknown>;

/** Receives the kept edges (valid attributes, not a self-loop, not a duplicate), in file order. */
export interface EdgeSink {
  /** False when the sink reads only volume and lead time: the attributes then need no string interning. */
  readonly keepsAttributes: boolean;
  add(
    key: string | undefined,
    source: string,
    target: string,
    si: number,
    ti: number,
    attributes: EdgeAttributes,
    index: number,
  ): void;
}

/** A sink that keeps the checked edges as objects (for a graphology graph). */
export class EdgeListSink implements EdgeSink {
  readonly keepsAttributes = true;
  readonly edges: CheckedEdge[] = [];
  add(...[key, source, target, si, ti, attributes, index]: Parameters<EdgeSink["add"]>): void {
    this.edges.push({ key, source, target, si, ti, attributes, index });
  }
}

export { edgeKey };

/** The JSON pointer of edge entry `i`. */
function edgePath(i: number): string {
  return `/edges/${i}`;
}

/** True when `raw` has an own key outside `known` (one pass, no allocation: the common case has none). */
function hasUnknownKey(raw: Raw, known: ReadonlySet<string>): boolean {
  for (const k in raw) if (!known.has(k)) return true;
  return false;
}

/**
 * Two Maps of millions of string keys dominated loading 10^6 nodes. When no edge has an explicit key and no
 * node id contains "->", edge keys are `source->target`, so two keys collide exactly when two edges join the
 * same pair; the fast mode then only records pair codes, and sorting them at the end finds any repeat. The
 * first edge with a key (or a dangling end) switches to the exact mode with the Maps, filled from the codes
 * recorded so far. A repeat found while filling them, or by the final sort, sets `redo`: the caller reruns
 * every edge in exact mode from the start, so the problems and their order are those of the exact pass.
 */
export class EdgeChecker {
  readonly problems: Problem[] = [];
  redo = false;
  private edgeKeys = new Map<string, number>();
  // Pairs of known nodes are keyed by a number (no string per edge); pairs with a dangling end by a string.
  private pairs = new Map<number | string, number>();
  private codes = new Float64Array(1024);
  private codeEdge = new Int32Array(1024);
  private codeCount = 0;
  private lastTarget: string | undefined;
  private lastTi: number | undefined;
  private readonly nodeCount: number;
  private readonly intern: Map<string, string> | undefined;

  constructor(
    private readonly nodes: NodeChecker,
    private readonly flow: FlowRules,
    private readonly sink: EdgeSink,
    private readonly adopt: boolean,
    intern: Map<string, string>,
    private exact: boolean,
  ) {
    this.nodeCount = nodes.nodeAt.length;
    if (nodes.arrowInId) this.exact = true;
    this.intern = sink.keepsAttributes ? intern : undefined;
  }

  private add(p: Omit<Problem, "severity"> & { severity?: Problem["severity"] }): void {
    this.problems.push({ severity: "error", ...p } as Problem);
  }

  private dangling(i: number, name: "source" | "target", end: string, key: string): void {
    this.add({
      code: "E_DANGLING_EDGE",
      path: `/edges/${i}/${name}`,
      message: `edge ${i} ("${key}") points to node "${end}", which does not exist`,
      hint: "nodes are never created implicitly",
      edgeId: key,
    });
  }

  /** Fill the exact mode's Maps from the pair codes of the fast mode (see the class comment). */
  private switchToExact(): void {
    this.exact = true;
    const { idAt } = this.nodes;
    for (let k = 0; k < this.codeCount && !this.redo; k++) {
      const code = this.codes[k]!;
      const si = Math.floor(code / this.nodeCount);
      const key = `${idAt[si]}->${idAt[code - si * this.nodeCount]}`;
      if (this.edgeKeys.has(key) || this.pairs.has(code)) this.redo = true;
      this.edgeKeys.set(key, this.codeEdge[k]!);
      this.pairs.set(code, this.codeEdge[k]!);
    }
    this.codes = new Float64Array(0);
    this.codeEdge = new Int32Array(0);
  }

  private record(code: number, i: number): void {
    if (this.codeCount === this.codes.length) {
      const codes = new Float64Array(this.codes.length * 2);
      codes.set(this.codes);
      this.codes = codes;
      const at = new Int32Array(this.codeEdge.length * 2);
      at.set(this.codeEdge);
      this.codeEdge = at;
    }
    this.codes[this.codeCount] = code;
    this.codeEdge[this.codeCount++] = i;
  }

  check(entry: unknown, i: number) {
    if (this.redo) return;
    if (!this.exact && (!isPlainRecord(entry) || entry.key !== undefined)) {
      this.switchToExact();
      if (this.redo) return;
    }
    // the JSON pointer of the entry is written only for a problem (a string per edge otherwise)
    let parsed = fastEdgeEntry(entry) as {
      key?: string | number | undefined;
      source: string | number;
      target: string | number;
      attributes?: Raw | undefined;
    } | null;
    if (parsed === null) {
      const slow = edgeEntrySchema.safeParse(entry);
      if (!slow.success) return void zodProblems(slow.error, edgePath(i), this.problems);
      parsed = slow.data;
    }
    const { source, target } = parsed;
    if (typeof source !== "string" || typeof target !== "string") {
      return void this.add({
        code: "E_TYPE",
        path: edgePath(i),
        message: `edge ${i}: source and target must be strings`,
      });
    }
    const explicitKey = parsed.key === undefined ? undefined : String(parsed.key);
    // The key string and the id object are made only for a problem: at 10^6 edges their garbage was seconds.
    const keyOf = () => explicitKey ?? `${source}->${target}`;
    if (typeof parsed.key === "number")
      this.add({
        code: "E_TYPE",
        path: `${edgePath(i)}/key`,
        message: `edge key ${keyOf()} must be a string`,
        edgeId: keyOf(),
      });
    if (explicitKey !== undefined && isReservedId(explicitKey))
      this.add({
        code: "E_RESERVED_ID",
        path: `${edgePath(i)}/key`,
        message: `edge key "${explicitKey}" is reserved`,
        edgeId: explicitKey,
      });
    const si = this.nodes.index.get(source);
    // Files often list a node's in-edges together; an equal string compares faster than a Map lookup hashes.
    if (target !== this.lastTarget) {
      this.lastTarget = target;
      this.lastTi = this.nodes.index.get(target);
    }
    const ti = this.lastTi;
    if (si === undefined || ti === undefined) {
      if (!this.exact) {
        this.switchToExact();
        if (this.redo) return;
      }
      if (si === undefined) this.dangling(i, "source", source, keyOf());
      if (ti === undefined) this.dangling(i, "target", target, keyOf());
    }
    const raw = (parsed.attributes ?? {}) as Raw;
    const fast = fastEdgeAttributes(raw, this.adopt, this.intern);
    const attrs = fast === null ? edgeAttributesSchema.safeParse(raw) : null;
    if (attrs && !attrs.success)
      zodProblems(attrs.error, `${edgePath(i)}/attributes`, this.problems, undefined, keyOf());
    if (raw.ranges !== undefined)
      checkRanges("edge", raw, `${edgePath(i)}/attributes`, this.problems, { edgeId: keyOf() });
    if (hasUnknownKey(raw, KNOWN_EDGE_KEYS)) {
      const key = keyOf();
      for (const k of Object.keys(raw)) {
        if (RESERVED_DRAWING_KEYS.has(k))
          this.add({
            code: "E_SCHEMA",
            path: `${edgePath(i)}/attributes/${k}`,
            message: `edge "${key}" sets "${k}", which the viewer reserves for drawing`,
            edgeId: key,
          });
      }
      warnUnknown(raw, KNOWN_EDGE_KEYS, `${edgePath(i)}/attributes`, this.problems, undefined, key);
    }
    if (source === target) {
      return void this.add({
        severity: "warning",
        code: "W_SELF_LOOP",
        path: edgePath(i),
        message: `edge ${i} ("${keyOf()}") is a self-loop on "${source}"; it is ignored`,
        edgeId: keyOf(),
      });
    }
    if (this.exact) {
      const key = keyOf();
      const previousKey = this.edgeKeys.get(key);
      if (previousKey !== undefined) {
        return void this.add({
          code: "E_DUPLICATE_EDGE",
          path: `${edgePath(i)}/key`,
          message: `edge key "${key}" is used twice (edges ${previousKey} and ${i})`,
          edgeId: key,
        });
      }
      this.edgeKeys.set(key, i);
      const pair =
        si !== undefined && ti !== undefined ? si * this.nodeCount + ti : `${source}\u0000${target}`;
      const previousPair = this.pairs.get(pair);
      if (previousPair !== undefined) {
        return void this.add({
          code: "E_DUPLICATE_EDGE",
          path: edgePath(i),
          message: `edges ${previousPair} and ${i} both go ${source} -> ${target}`,
          hint: "merge them into one edge (sum their volume and capacity)",
          edgeId: key,
        });
      }
      this.pairs.set(pair, i);
    } else this.record(si! * this.nodeCount + ti!, i);
    const data = fast ?? (attrs?.success ? attrs.data : null);
    if (data) {
      this.flow.edge(source, target, si ?? -1, ti ?? -1, i, keyOf, data as EdgeAttributes);
      this.sink.add(explicitKey, source, target, si ?? -1, ti ?? -1, data as EdgeAttributes, i);
    }
  }

  /** After the last edge: the fast mode's duplicate search (sets `redo` on a repeat). */
  finish(): void {
    if (this.exact || this.redo) return;
    const sorted = this.codes.subarray(0, this.codeCount).sort();
    for (let k = 1; k < sorted.length && !this.redo; k++) if (sorted[k] === sorted[k - 1]) this.redo = true;
    this.codes = new Float64Array(0);
    this.codeEdge = new Int32Array(0);
  }
}
