/** An edge sink (see `_edge-check.ts`) that keeps typed columns for the integer view, not edge objects. */
import type { CheckedColumns } from "./_checked.js";
import type { EdgeSink } from "./_edge-check.js";
import type { EdgeAttributes } from "./types.js";

export class EdgeColumnSink implements EdgeSink {
  readonly keepsAttributes = false;
  private count = 0;
  private source = new Int32Array(1 << 18);
  private target = new Int32Array(1 << 18);
  private volume = new Float64Array(1 << 18);
  private leadTime = new Float64Array(1 << 18);
  private keys: (string | undefined)[] | null = null;

  add(
    key: string | undefined,
    _source: string,
    _target: string,
    si: number,
    ti: number,
    attributes: EdgeAttributes,
    _index: number,
  ): void {
    const e = this.count++;
    if (e === this.source.length) this.grow();
    this.source[e] = si;
    this.target[e] = ti;
    this.volume[e] = attributes.volume ?? Number.NaN; // NaN: no volume given (the view keeps the difference)
    this.leadTime[e] = attributes.leadTimeDays ?? Number.NaN;
    if (key !== undefined) {
      // Edges without a key stay holes (undefined), as in `csrFromChecked`.
      this.keys ??= new Array(e);
      this.keys[e] = key;
    }
  }

  private grow(): void {
    const size = this.source.length * 2;
    const source = new Int32Array(size);
    source.set(this.source);
    this.source = source;
    const target = new Int32Array(size);
    target.set(this.target);
    this.target = target;
    const volume = new Float64Array(size);
    volume.set(this.volume);
    this.volume = volume;
    const leadTime = new Float64Array(size);
    leadTime.set(this.leadTime);
    this.leadTime = leadTime;
  }

  /** The edge columns, as views of the edges added (the integer view copies them). */
  columns(): Pick<CheckedColumns, "edgeSource" | "edgeTarget" | "volume" | "leadTime" | "edgeKeys"> {
    const m = this.count;
    const keys = this.keys;
    if (keys && keys.length < m) keys.length = m;
    return {
      edgeSource: this.source.subarray(0, m),
      edgeTarget: this.target.subarray(0, m),
      volume: this.volume.subarray(0, m),
      leadTime: this.leadTime.subarray(0, m),
      edgeKeys: keys,
    };
  }
}
