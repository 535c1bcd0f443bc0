/**
 * The allocator's LP as it was written before `_allocator-matrix.ts`: CPLEX LP text, parsed by HiGHS. Kept here
 * as the reference the sparse model must equal entry for entry (tests/flow/allocator-matrix.test.ts).
 */
import type { Highs, Model } from "highs";
import { edgeBounds, lpText, networkRows, num, sum } from "../../src/flow/_lp.js";
import type { FlowModel } from "../../src/flow/flow-model.js";

/** The allocator's LP text of `flow` (which has at least one consumer), as `Allocator` wrote it. */
export function allocatorLpText(flow: FlowModel): string {
  const { lines } = networkRows(flow);
  for (const i of flow.consumers) lines.push(` m${i}: s${i} - ${num(flow.demand[i]!)} t >= 0`);
  lines.push(` T: ${sum(flow.consumers.map((i) => `s${i}`))} >= 0`);
  const bounds = flow.consumers.map((i) => ` 0 <= s${i} <= ${num(flow.demand[i]!)}`);
  bounds.push(...edgeBounds(flow), " 0 <= t <= 0");
  const objective = `Maximize\n obj: ${sum(flow.consumers.map((i) => `s${i}`))}`;
  return lpText(objective, lines, bounds);
}

/**
 * A HiGHS stand-in whose `createModel` ignores the model it is handed and parses `flow`'s LP text instead, so
 * that an `Allocator` runs on the text model (its column and row indices are the sparse model's: valid only
 * while both models are the same, which the test checks first).
 */
export function textHighs(highs: Highs, flow: FlowModel): Highs {
  const fromText = (): Model => highs.createModel({ format: "lp", data: allocatorLpText(flow) });
  return new Proxy(highs, {
    get: (target, key) => (key === "createModel" ? fromText : Reflect.get(target, key)),
  });
}
