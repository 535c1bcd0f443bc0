/**
 * Sorting the integer view's out-lists by target in place, with the columns that ride along (edge, lead time,
 * volume): insertion for short lists, the engine's numeric sort of packed keys for the long ones (hubs ship to
 * thousands of nodes).
 */

/** The out-lists' columns, by position, that move together when a list is sorted. */
export interface OutLists {
  target: Int32Array;
  edge: Int32Array;
  leadTime: Float64Array;
  volume: Float64Array;
}

/** Lists longer than this are sorted by the engine's sort, shorter ones by insertion. */
const SHORT_LIST = 32;

/** Sort positions `[from..to)` of the out-lists by target (the other columns moved along), ascending. */
export function sortByTarget(out: OutLists, from: number, to: number): void {
  const { target, edge, leadTime, volume } = out;
  if (to - from <= SHORT_LIST) {
    for (let i = from + 1; i < to; i++) {
      const t = target[i]!;
      if (target[i - 1]! <= t) continue; // in order already (the common case): nothing moves
      const e = edge[i]!;
      const lead = leadTime[i]!;
      const vol = volume[i]!;
      let j = i - 1;
      for (; j >= from && target[j]! > t; j--) {
        target[j + 1] = target[j]!;
        edge[j + 1] = edge[j]!;
        leadTime[j + 1] = leadTime[j]!;
        volume[j + 1] = volume[j]!;
      }
      target[j + 1] = t;
      edge[j + 1] = e;
      leadTime[j + 1] = lead;
      volume[j + 1] = vol;
    }
    return;
  }
  // Targets in a list are distinct, so the order is total. Each position's key is its target, then its place
  // in the list, in one double (exact below 2^53): the engine's numeric sort of a Float64Array, where a
  // comparator sort of the positions took most of this function's time (hubs ship to thousands of nodes).
  const size = to - from;
  const scale = 2 ** Math.ceil(Math.log2(size + 1));
  let max = 0;
  for (let i = from; i < to; i++) if (target[i]! > max) max = target[i]!;
  if ((max + 1) * scale > 2 ** 53) {
    // keys would not fit a double: a comparator sort of the positions
    const order = Array.from({ length: size }, (_, k) => from + k).sort((a, b) => target[a]! - target[b]!);
    moveInto(out, from, Int32Array.from(order), new Float64Array(size));
    return;
  }
  const keys = new Float64Array(size);
  for (let k = 0; k < size; k++) keys[k] = target[from + k]! * scale + k;
  keys.sort();
  const place = new Int32Array(size);
  for (let k = 0; k < size; k++) place[k] = from + (keys[k]! % scale);
  moveInto(out, from, place, keys); // the keys are read: their room holds the moved doubles
}

/** Rewrite positions `from..` of every column with the values at `place[0..]`; `doubles` is scratch room. */
function moveInto(out: OutLists, from: number, place: Int32Array, doubles: Float64Array): void {
  const size = place.length;
  const ints = new Int32Array(size);
  for (const column of [out.target, out.edge]) {
    for (let k = 0; k < size; k++) ints[k] = column[place[k]!]!;
    column.set(ints, from);
  }
  for (const column of [out.leadTime, out.volume]) {
    for (let k = 0; k < size; k++) doubles[k] = column[place[k]!]!;
    column.set(doubles, from);
  }
}
