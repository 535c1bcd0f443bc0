/** A `Csr` as plain data for deep equality: typed arrays as lists, the id index as sorted pairs. */
import type { Csr } from "../../src/model/csr.js";

export function plainCsr(csr: Csr): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(csr)) {
    if (ArrayBuffer.isView(v)) out[k] = Array.from(v as unknown as ArrayLike<number>);
    else if (k === "index") out[k] = [...(v as ReadonlyMap<string, number>)].sort();
    else out[k] = v;
  }
  return out;
}
