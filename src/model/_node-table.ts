/**
 * The node attributes of an integer view (`Csr.nodeAttributes`), by node index: over the attribute objects a
 * graph or a checked file already holds (`NodeObjects`), or over columns (`NodeColumns`), where a node's object
 * is made on its first `at` only. A 10^6-node Parquet load made one object (with a recipe record and a sources
 * list) per node, and collecting the young ones while all of them survived was about a fifth of the load; the
 * view's build, the flow rules and the passes that scan one attribute read `value` and make none.
 */
import type { NodeAttributes } from "./types.js";

/** Index → a node's attributes (see the module comment). */
export interface NodeAttributeTable {
  /** The number of nodes. */
  readonly length: number;
  /** The attributes of node `v`: the same object on every call (treat it as read-only). */
  at(v: number): NodeAttributes;
  /**
   * Attribute `key` of node `v` (undefined when the node has none), as `at(v)[key]` holds it, without making the
   * node's object: a list or record may be shared with other nodes, so treat it as read-only.
   */
  value<K extends keyof NodeAttributes>(v: number, key: K): NodeAttributes[K];
}

/** A table over attribute objects, in node order. */
export class NodeObjects implements NodeAttributeTable {
  constructor(private readonly list: readonly NodeAttributes[]) {}

  get length(): number {
    return this.list.length;
  }

  at(v: number): NodeAttributes {
    return this.list[v]!;
  }

  value<K extends keyof NodeAttributes>(v: number, key: K): NodeAttributes[K] {
    return this.list[v]![key];
  }

  /** The table with node `v` = node `rows[v]` of this one. */
  permuted(rows: Int32Array): NodeObjects {
    return new NodeObjects(Array.from(rows, (r) => this.list[r]!));
  }
}

/** A column whose values are made when asked for (a loader keeps text as bytes until then). */
export class OnDemand {
  constructor(
    /** The value of a row. */
    readonly get: (row: number) => unknown,
  ) {}
}

/** One attribute as a column: a value per row; null, undefined or "" is no value. */
export interface AttributeColumn {
  key: keyof NodeAttributes & string;
  values: ArrayLike<unknown> | OnDemand;
}

/**
 * A table over attribute columns: node `v`'s values are in row `rows[v]` of every column (row `v` when `rows` is
 * null). A node's object has the keys of the columns that hold a value for it, in the columns' order; a list or
 * record is copied into it, so every node owns its own, as when the objects were made at load.
 */
export class NodeColumns implements NodeAttributeTable {
  readonly length: number;
  /**
   * Column by key: an object, not a Map, so that `value(v, "country")` in a loop is a property load once
   * inlined (a Map lookup per call was a tenth of the view's build at 10^6 nodes). Null once every node's object
   * is made: the objects answer then, and the columns can go (`analyze` makes them all, and holding both was
   * about 80 MB more at its peak at 10^6 nodes).
   */
  private byKey: Readonly<Record<string, ArrayLike<unknown> | OnDemand | undefined>> | null;
  private columns: readonly AttributeColumn[];
  private rows: Int32Array | null;
  /** The objects made so far, by node (allocated on the first `at`: a view may never need one), and how many. */
  private objects: Array<NodeAttributes | undefined> | null = null;
  private made = 0;

  constructor(
    columns: readonly AttributeColumn[],
    length: number,
    rows: Int32Array | null = null,
    byKey?: Readonly<Record<string, ArrayLike<unknown> | OnDemand | undefined>>,
  ) {
    this.length = length;
    this.columns = columns;
    this.rows = rows;
    this.byKey = byKey ?? Object.fromEntries(columns.map(({ key, values }) => [key, values]));
  }

  at(v: number): NodeAttributes {
    this.objects ??= new Array(this.length);
    let a = this.objects[v];
    if (a === undefined) {
      a = this.make(this.rows === null ? v : this.rows[v]!);
      this.objects[v] = a;
      if (++this.made === this.length) {
        this.byKey = null;
        this.columns = [];
        this.rows = null;
      }
    }
    return a;
  }

  value<K extends keyof NodeAttributes>(v: number, key: K): NodeAttributes[K] {
    const { byKey } = this;
    if (byKey === null) return this.objects![v]![key];
    const values = byKey[key as string];
    if (values === undefined) return undefined as NodeAttributes[K];
    const r = this.rows === null ? v : this.rows[v]!;
    const x = values instanceof OnDemand ? values.get(r) : values[r];
    return (x === null || x === "" ? undefined : x) as NodeAttributes[K];
  }

  /** The table with node `v` = node `rows[v]` of this one (a new table: its objects are made anew). */
  permuted(rows: Int32Array): NodeColumns | NodeObjects {
    const { byKey, objects } = this;
    if (byKey === null) return new NodeObjects(Array.from(rows, (r) => objects![r]!));
    const own = this.rows;
    const composed = own === null ? rows : rows.map((r) => own[r]!);
    return new NodeColumns(this.columns, rows.length, composed, byKey);
  }

  private make(r: number): NodeAttributes {
    const a: Record<string, unknown> = {};
    for (const { key, values } of this.columns) {
      const x = values instanceof OnDemand ? values.get(r) : values[r];
      if (x === null || x === undefined || x === "") continue;
      a[key] = typeof x !== "object" ? x : Array.isArray(x) ? x.slice() : { ...x };
    }
    return a as unknown as NodeAttributes;
  }
}
