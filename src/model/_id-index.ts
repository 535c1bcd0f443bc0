/**
 * The integer view's id → index lookup over its sorted ids (`Csr.index`), built without a Map: a lookup is a
 * binary search of the ids (they are sorted by `<`), and a Map is made only once lookups are many. At 10^6
 * nodes a Map of the ids took about a second to build, while `analyze` looks up a handful of ids; a pass that
 * looks up every node gets the Map after the first few thousand lookups.
 */

/** Lookups answered by binary search before the Map is built. */
const SEARCHES_BEFORE_MAP = 4096;

/** Id → index over ids sorted by `<` (each once); a read-only Map. */
export class SortedIdIndex implements ReadonlyMap<string, number> {
  private map: Map<string, number> | undefined;
  private searches = 0;

  constructor(private readonly ids: readonly string[]) {}

  get size(): number {
    return this.ids.length;
  }

  get(id: string): number | undefined {
    if (this.map) return this.map.get(id);
    if (++this.searches > SEARCHES_BEFORE_MAP) {
      // from now on the Map's own lookups, with no search state to test (a pass may look up every node)
      const map = this.asMap();
      this.get = (key) => map.get(key);
      this.has = (key) => map.has(key);
      return map.get(id);
    }
    const ids = this.ids;
    let lo = 0;
    let hi = ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = ids[mid]!;
      if (at === id) return mid;
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  forEach(
    callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void,
    thisArg?: unknown,
  ): void {
    for (let i = 0; i < this.ids.length; i++) callback.call(thisArg, i, this.ids[i]!, this);
  }

  *entries(): MapIterator<[string, number]> {
    for (let i = 0; i < this.ids.length; i++) yield [this.ids[i]!, i];
  }

  *keys(): MapIterator<string> {
    yield* this.ids;
  }

  *values(): MapIterator<number> {
    for (let i = 0; i < this.ids.length; i++) yield i;
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }

  private asMap(): Map<string, number> {
    if (!this.map) {
      const map = new Map<string, number>();
      for (let i = 0; i < this.ids.length; i++) map.set(this.ids[i]!, i);
      this.map = map;
    }
    return this.map;
  }
}
