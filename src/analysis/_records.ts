/** Deterministic plain records from maps: keys sorted, so JSON output is byte-identical run to run. */
export function sortedRecord<V>(map: Map<string, V>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const key of [...map.keys()].sort()) out[key] = map.get(key)!;
  return out;
}
