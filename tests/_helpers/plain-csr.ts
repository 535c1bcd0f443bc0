/** A `Csr` as plain data for deep equality: typed arrays as lists, the id index as sorted pairs. */
import type { Csr } from "../../src/model/csr.js";
import { nodeAttributesSchema } from "../../src/model/schema.js";
import type { NodeAttributes } from "../../src/model/types.js";

/** Every attribute key the schema knows: what `value` is asked for below. */
const KEYS = Object.keys(nodeAttributesSchema.shape) as Array<keyof NodeAttributes>;

export function plainCsr(csr: Csr): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(csr)) {
    if (ArrayBuffer.isView(v)) out[k] = Array.from(v as unknown as ArrayLike<number>);
    else if (k === "index") out[k] = [...(v as ReadonlyMap<string, number>)].sort();
    else if (k === "nodeAttributes") {
      // each node's object, and each attribute as `value` reads it (no object made): both must match
      const table = csr.nodeAttributes;
      out[k] = Array.from({ length: table.length }, (_, i) => table.at(i));
      out.nodeValues = Array.from({ length: table.length }, (_, i) =>
        KEYS.map((key) => [key, table.value(i, key)]).filter(([, x]) => x !== undefined),
      );
    } else out[k] = v;
  }
  return out;
}
