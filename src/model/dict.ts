/**
 * Records keyed by values from the data (stage names, countries, materials). A plain `{}` gives those keys
 * meaning: `o["__proto__"] = x` sets the prototype instead of a key (the stage silently vanishes from a
 * report), and `o["constructor"]` reads Object's constructor where no entry exists. A record without a
 * prototype has neither problem; it serialises like any other object.
 */

/** An empty record with no prototype: every key, `__proto__` and `constructor` included, is plain data. */
export function dict<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}

/** `record[key]` when the record has that key as its own, else undefined (never an inherited member). */
export function own<V>(record: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
