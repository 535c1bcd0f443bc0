import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Heap } from "../../src/flow/_heap.js";

describe("Heap", () => {
  it("hand-checked: pops by key, ties by index", () => {
    const key = [3, 1, 3, 2];
    const heap = new Heap((a, b) => key[b]! - key[a]! || a - b, [0, 1, 2, 3]);
    expect([heap.pop(), heap.pop(), heap.pop(), heap.pop(), heap.pop()]).toEqual([0, 2, 3, 1, undefined]);
    expect(heap.size).toBe(0);
  });

  it("pops in the comparator's order, with pushes in between (as the top-k rounds do)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 60 }), (keys) => {
        const before = (a: number, b: number) => keys[b]! - keys[a]! || a - b;
        const all = keys.map((_, i) => i);
        const heap = new Heap(before, all);
        // take the first 5 out, lower their keys, put them back: the heap must still pop in order
        const first: number[] = [];
        for (let k = 0; k < 5 && heap.size > 0; k++) first.push(heap.pop()!);
        for (const i of first) keys[i] = Math.max(0, keys[i]! - 7);
        for (const i of first) heap.push(i);
        const popped: number[] = [];
        while (heap.size > 0) popped.push(heap.pop()!);
        expect(popped).toEqual([...all].sort(before));
      }),
      { seed: 31 },
    );
  });
});
