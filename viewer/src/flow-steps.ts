/**
 * The library's `flowAnalysis` for the page (without attack curves, as the page always asked for it), run as its
 * own parts with a task boundary between them: served demand, the N-1 sweep, then survival and losses. The parts
 * are the library's functions, called as `flowAnalysis` calls them with its default options (one thread), so the
 * figures are the same (tests/viewer/analysis.test.ts compares them).
 *
 * Why in parts: a worker the page has stopped ends only at a task boundary or when it checks its stop token
 * (`stop-token.ts`), and `flowAnalysis` is one task of about 3 CPU s on the bundled graph. Between the parts the
 * worker yields (`breathe`); during served demand it checks its token after each LP, during the sweep and survival
 * after each node (`poll`).
 */
import type { SupplyGraph } from "../../src/model/types.js";
import type { AppliedScenario } from "../../src/scenario/types.js";
import { loadHighs } from "../../src/flow/_solver.js";
import { DEFAULT_FLOW_ANALYSIS_OPTIONS, type FlowAnalysis } from "../../src/flow/flow-analysis.js";
import { rankChokepoints, sweepFlow } from "../../src/flow/flow-chokepoints.js";
import { losses } from "../../src/flow/losses.js";
import { servedDemand } from "../../src/flow/served-demand.js";
import { survival } from "../../src/flow/survival.js";

/** Where the steps may be interrupted. */
export interface FlowStepsHooks {
  /** Awaited between the parts (the worker yields to its task queue there). */
  breathe: () => Promise<void>;
  /** Called during served demand, the sweep and survival; throws to abandon the work (`stopCheck`). */
  poll: () => void;
}

/**
 * `flowAnalysis(graph, applied, { attack: false })`, part by part.
 * @throws FlowSolveError if the LP solver fails; whatever `poll` throws
 */
export async function flowInSteps(
  graph: SupplyGraph,
  applied: AppliedScenario,
  hooks: FlowStepsHooks,
): Promise<FlowAnalysis> {
  const o = DEFAULT_FLOW_ANALYSIS_OPTIONS;
  const highs = await loadHighs();
  const flow = await servedDemand(graph, applied, { objective: o.objective, onProgress: () => hooks.poll() });
  await hooks.breathe();
  const sweep = sweepFlow(highs, graph, applied, o.objective, () => hooks.poll());
  await hooks.breathe();
  const chokepoints = rankChokepoints(graph, sweep);
  const surv = survival(highs, graph, applied, sweep, {
    recoveryDays: o.recoveryDays,
    onProgress: () => hooks.poll(),
  });
  return {
    flow,
    chokepoints,
    attack: null,
    survival: surv,
    losses: losses(graph, surv, { days: o.days }),
  };
}
