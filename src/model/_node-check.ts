/** The per-node checks of a graph file, one node entry at a time (so a loader can stream them). */
import { isCountryCode } from "./countries.js";
import { fastNodeAttributes, fastNodeEntry } from "./_fast-schema.js";
import { warnUnknown, zodProblems } from "./_problems.js";
import { checkRanges } from "./_range-check.js";
import { isReservedId } from "./_reserved.js";
import { KNOWN_NODE_KEYS, nodeAttributesSchema, nodeEntrySchema, RESERVED_DRAWING_KEYS } from "./schema.js";
import { isConsumer, type NodeAttributes, type Problem, UNKNOWN_COUNTRY } from "./types.js";

type Raw = Record<string, unknown>;

/** What the node checks need from the options (see `GraphCheckOptions`). */
export interface NodeCheckLimits {
  maxIdLength: number;
  maxLabelLength: number;
  adoptInput: boolean;
}

/** The nodes checked so far, by position in the file's node list, and their problems in file order. */
export class NodeChecker {
  readonly index = new Map<string, number>();
  /** Position → id, for nodes whose id was accepted (set with `index`). */
  readonly idAt: string[] = [];
  /** Position → attributes, for nodes that take part in the graph-level checks. */
  readonly nodeAt: Array<NodeAttributes | undefined> = [];
  readonly problems: Problem[] = [];
  /** Some accepted id contains "->", so default edge keys may collide without a shared pair. */
  arrowInId = false;

  constructor(
    private readonly opts: NodeCheckLimits,
    private readonly stages: ReadonlySet<string>,
    /** Equal `sources` strings are shared (see _fast-schema.ts): the same source on every node is common. */
    private readonly intern: Map<string, string>,
  ) {}

  private add(p: Omit<Problem, "severity"> & { severity?: Problem["severity"] }): void {
    this.problems.push({ severity: "error", ...p } as Problem);
  }

  check(entry: unknown, i: number) {
    const { opts, stages, problems } = this;
    const path = `/nodes/${i}`;
    // Fast paths (see _fast-schema.ts) return what zod would for surely valid input; zod reports the rest.
    let entryData = fastNodeEntry(entry) as { key: string | number; attributes: Raw } | null;
    if (entryData === null) {
      const parsed = nodeEntrySchema.safeParse(entry);
      if (!parsed.success) return void zodProblems(parsed.error, path, problems);
      entryData = parsed.data;
    }
    const key = entryData.key;
    if (typeof key !== "string") {
      return void this.add({
        code: "E_TYPE",
        path: `${path}/key`,
        message: `node key ${key} must be a string`,
      });
    }
    const id = { nodeId: key };
    if (key.length > opts.maxIdLength) {
      return void this.add({
        code: "E_LIMIT",
        path: `${path}/key`,
        message: `node id is ${key.length} characters (limit ${opts.maxIdLength})`,
        nodeId: key.slice(0, 40),
      });
    }
    if (isReservedId(key)) {
      this.add({
        code: "E_RESERVED_ID",
        path: `${path}/key`,
        message: `node id "${key}" is reserved`,
        hint: "rename it",
        ...id,
      });
    }
    const previous = this.index.get(key);
    if (previous !== undefined) {
      return void this.add({
        code: "E_DUPLICATE_NODE",
        path: `${path}/key`,
        message: `node "${key}" is defined twice (nodes ${previous} and ${i})`,
        ...id,
      });
    }
    this.index.set(key, i);
    this.idAt[i] = key;
    if (!this.arrowInId && key.includes("->")) this.arrowInId = true;
    const raw = entryData.attributes;
    const attrsPath = `${path}/attributes`;
    const fast = fastNodeAttributes(raw, opts.adoptInput, this.intern);
    const attrs = fast === null ? nodeAttributesSchema.safeParse(raw) : null;
    // Keep checking a malformed node (stage, country, reserved keys) so that one run lists every problem.
    if (attrs && !attrs.success) zodProblems(attrs.error, attrsPath, problems, key);
    if (raw.ranges !== undefined) checkRanges("node", raw, attrsPath, problems, id);
    const a = (fast ?? (attrs?.success ? attrs.data : { ...raw })) as NodeAttributes;
    if (typeof a.label === "string" && a.label.length > opts.maxLabelLength) {
      this.add({
        code: "E_LIMIT",
        path: `${attrsPath}/label`,
        message: `label of node "${key}" is ${a.label.length} characters (limit ${opts.maxLabelLength})`,
        ...id,
      });
    }
    if (stages.size > 0 && typeof a.stage === "string" && !stages.has(a.stage)) {
      this.add({
        code: "E_SCHEMA",
        path: `${attrsPath}/stage`,
        message: `node "${key}" has stage "${a.stage}", which is not in the graph's stages`,
        hint: `one of ${[...stages].join(", ")}`,
        ...id,
      });
    }
    if (a.country === undefined) {
      this.add({
        severity: "warning",
        code: "W_MISSING_COUNTRY",
        path: `${attrsPath}/country`,
        message: `node "${key}" has no country; counted as ${UNKNOWN_COUNTRY} (unknown)`,
        ...id,
      });
      a.country = UNKNOWN_COUNTRY;
    } else if (typeof a.country === "string" && !isCountryCode(a.country)) {
      this.add({
        code: "E_VALUE",
        path: `${attrsPath}/country`,
        message: `node "${key}" has country "${a.country}", not an ISO 3166-1 alpha-2 code`,
        ...id,
      });
    }
    for (const k of Object.keys(raw)) {
      if (RESERVED_DRAWING_KEYS.has(k)) {
        this.add({
          code: "E_SCHEMA",
          path: `${attrsPath}/${k}`,
          message: `node "${key}" sets "${k}", which the viewer reserves for drawing`,
          hint: "remove it (use `stage` for the kind of node)",
          ...id,
        });
      }
    }
    warnUnknown(raw, KNOWN_NODE_KEYS, attrsPath, problems, key);
    if (a.stock !== undefined && isConsumer(a)) {
      this.add({
        code: "E_SCHEMA",
        path: `${attrsPath}/stock`,
        message: `node "${key}" has both stock and demand`,
        hint: "put private stock on a consumer as stockpileDays",
        ...id,
      });
    }
    // Invalid nodes take part in the graph-level checks too, so a bad capacity does not cascade into
    // "missing node" or "recipe unsupplied" noise; the graph is built only when there is no error at all.
    this.nodeAt[i] = a;
  }
}
