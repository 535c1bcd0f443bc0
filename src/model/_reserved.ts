/**
 * Names that break plain-object lookups. graphology 0.26 keeps adjacency in `{}`, so node ids such as
 * `constructor` or `__proto__` give false "edge already exists" errors and phantom neighbours
 * (graphology/graphology#84); sigma's caches are `{}` too. We refuse them at load time.
 */
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  "prototype",
]);

/** Keys that would reach an object's prototype when copied with Object.assign. */
export const DANGEROUS_KEYS: readonly string[] = ["__proto__", "constructor", "prototype"];

/** True for ids that collide with Object.prototype members. */
export function isReservedId(id: string): boolean {
  return PROTOTYPE_NAMES.has(id);
}

/** JSON pointers of every own key named `__proto__`, `constructor` or `prototype`, anywhere in `value`. */
export function findReservedKeys(value: unknown, path = "", found: string[] = [], depth = 0): string[] {
  walk(value, path === "" ? [] : [path.slice(1)], found, depth);
  return found;
}

/**
 * `findReservedKeys` for a batch of elements of the top-level array `name`, `items[0]` being element `first`:
 * the pointers the walk of the whole value finds in those elements, in the same order (for a streamed file).
 */
export function findReservedKeysInItems(
  items: unknown[],
  name: string,
  first: number,
  found: string[],
): void {
  const segments: Array<string | number> = [name, 0];
  for (let k = 0; k < items.length; k++) {
    const v = items[k];
    if (v === null || typeof v !== "object") continue;
    segments[1] = first + k;
    // Depth 2: the file object is 0, the array 1.
    walk(v, segments, found, 2);
  }
}

// The path is kept as a stack of segments and joined only on a hit: a string per element of a 10^6-node
// file's arrays made this walk cost as much as parsing the file.
function walk(value: unknown, segments: Array<string | number>, found: string[], depth: number): void {
  if (value === null || typeof value !== "object" || depth > 64) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v === null || typeof v !== "object") continue;
      segments.push(i);
      walk(v, segments, found, depth + 1);
      segments.pop();
    }
    return;
  }
  for (const key of DANGEROUS_KEYS) {
    if (Object.hasOwn(value, key)) found.push(["", ...segments, key].join("/"));
  }
  for (const key of Object.keys(value)) {
    const child = (value as Record<string, unknown>)[key];
    if (child === null || typeof child !== "object") continue;
    segments.push(key);
    walk(child, segments, found, depth + 1);
    segments.pop();
  }
}
