/** Deterministic plain records from maps: keys sorted, so JSON output is byte-identical run to run. */
import { dict } from "../model/dict.js";
export function sortedRecord<V>(map: Map<string, V>): Record<string, V> {
  const out = dict<V>();
  for (const key of [...map.keys()].sort()) out[key] = map.get(key)!;
  return out;
}
