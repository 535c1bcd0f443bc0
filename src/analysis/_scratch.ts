/**
 * Work arrays reused by the passes over one view. At 10^6 nodes one fresh scenario's supply, dominators and
 * single points of failure allocated about 85 MB of typed arrays, and V8 starts a full collection of the whole
 * heap (the graph included) once external memory grows by 64 MB: the scratch below is most of what does not
 * outlive its pass, so it is allocated once per view instead. Each name belongs to one function, which must not
 * call itself while it holds the array (none does): the arrays are handed out zero-filled and are not results.
 */

type Scratch = Int32Array | Uint8Array | Float64Array;
const pools = new WeakMap<object, Map<string, Scratch>>();

function scratch<T extends Scratch>(owner: object, name: string, length: number, make: (n: number) => T): T {
  let pool = pools.get(owner);
  if (!pool) {
    pool = new Map();
    pools.set(owner, pool);
  }
  const held = pool.get(name) as T | undefined;
  if (held && held.length === length) return held.fill(0) as T;
  const fresh = make(length);
  pool.set(name, fresh);
  return fresh;
}

/** A zero-filled Int32Array of `length` for `name`, reused across calls with the same `owner` (the view). */
export const scratchInt32 = (owner: object, name: string, length: number): Int32Array =>
  scratch(owner, name, length, (n) => new Int32Array(n));

/** A zero-filled Uint8Array, as `scratchInt32`. */
export const scratchUint8 = (owner: object, name: string, length: number): Uint8Array =>
  scratch(owner, name, length, (n) => new Uint8Array(n));

/** A zero-filled Float64Array, as `scratchInt32`. */
export const scratchFloat64 = (owner: object, name: string, length: number): Float64Array =>
  scratch(owner, name, length, (n) => new Float64Array(n));
