/**
 * A binary heap of node indices under a comparator (first = smallest), for the bound-and-prune N-1 ranking
 * (`_n1-prune.ts`): it takes the first k out, updates their keys and puts them back, O(k log n) a round where
 * sorting every candidate took O(n log n) (a 10^5-node graph needs thousands of rounds).
 */
export class Heap {
  private readonly items: number[] = [];
  private readonly before: (a: number, b: number) => number;

  /** `before(a, b) < 0` when a comes first; it must be a total order while an item is in the heap. */
  constructor(before: (a: number, b: number) => number, items: Iterable<number> = []) {
    this.before = before;
    for (const i of items) this.push(i);
  }

  get size(): number {
    return this.items.length;
  }

  push(x: number): void {
    const { items, before } = this;
    let i = items.length;
    items.push(x);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (before(items[p]!, x) <= 0) break;
      items[i] = items[p]!;
      i = p;
    }
    items[i] = x;
  }

  /** The first item, taken out; undefined when empty. */
  pop(): number | undefined {
    const { items, before } = this;
    if (items.length === 0) return undefined;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= items.length) break;
        const c = l + 1 < items.length && before(items[l + 1]!, items[l]!) < 0 ? l + 1 : l;
        if (before(items[c]!, last) >= 0) break;
        items[i] = items[c]!;
        i = c;
      }
      items[i] = last;
    }
    return top;
  }
}
