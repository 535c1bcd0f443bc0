/**
 * The evaluator behind every sampled run (`_evaluate.ts`): calls that overlap (a worker holds two chunks at once)
 * give what the same calls give one after another; they would not if they shared the working graph's values.
 */
import { describe, expect, it, vi } from "vitest";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { evaluator } from "../../src/uncertainty/_evaluate.js";
import { planFor } from "../../src/uncertainty/monte-carlo.js";
import { rangedInputs } from "../../src/uncertainty/ranged-inputs.js";
import { graphFromText } from "../_helpers/graph-from-text.js";

vi.setConfig({ testTimeout: 300_000 });

const graph = () =>
  graphFromText(`
    mine [mine CN output=ore capacity=73]
    car [consumer JP demand=73 stockpileDays=30(20..40)]
    mine -> car volume=73
  `);
const CUT = { name: "cut", remove: [{ node: "mine" }] };

describe("evaluator", () => {
  it("runs overlapping calls one after another: the same rows as sequential calls", async () => {
    const g = graph();
    const plan = {
      ...planFor(g, CUT, { seed: 4, distribution: "uniform" }),
      inputs: rangedInputs(g, CUT, applyScenario(g, CUT)),
      simulate: { horizon: 40, step: 2 },
    };
    const a = Array.from({ length: 4 }, (_, sample) => ({ sample, stream: 0 as const }));
    const b = Array.from({ length: 4 }, (_, k) => ({ sample: k + 4, stream: 0 as const }));
    const sequential = evaluator(g.copy(), plan);
    const wantA = await sequential(a);
    const wantB = await sequential(b);
    expect([...wantA]).not.toEqual([...wantB]);
    const overlapping = evaluator(g.copy(), plan);
    const [gotA, gotB] = await Promise.all([overlapping(a), overlapping(b)]);
    expect([...gotA!]).toEqual([...wantA]);
    expect([...gotB!]).toEqual([...wantB]);
  });
});
