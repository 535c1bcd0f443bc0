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
const DANGEROUS_KEYS = ["__proto__", "constructor", "prototype"];

/** True for ids that collide with Object.prototype members. */
export function isReservedId(id: string): boolean {
  return PROTOTYPE_NAMES.has(id);
}

/** JSON pointers of every own key named `__proto__`, `constructor` or `prototype`, anywhere in `value`. */
export function findReservedKeys(value: unknown, path = "", found: string[] = [], depth = 0): string[] {
  if (value === null || typeof value !== "object" || depth > 64) return found;
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      findReservedKeys(v, `${path}/${i}`, found, depth + 1);
    });
    return found;
  }
  for (const key of DANGEROUS_KEYS) {
    if (Object.hasOwn(value, key)) found.push(`${path}/${key}`);
  }
  for (const key of Object.keys(value)) {
    const child = (value as Record<string, unknown>)[key];
    if (child !== null && typeof child === "object")
      findReservedKeys(child, `${path}/${key}`, found, depth + 1);
  }
  return found;
}
