/**
 * Simchi-Levi's per-node view: for each node that ships in the undisrupted network, the time-to-survive when that
 * node ALONE goes down on day 0 and stays down (the rest of the network as the scenario leaves it undisrupted:
 * stocks, lead times, requalification all play), set against the node's time-to-recover. Where TTS < TTR the
 * network runs short before the node is back: the exposure list. One simulation per node, each stopped at its
 * first shortfall.
 */
import type { Highs } from "highs";
import { byId } from "../flow/_clean.js";
import type { SupplyGraph } from "../model/types.js";
import type { AppliedScenario } from "../scenario/types.js";
import type { SimNetwork } from "./_network.js";
import type { Period } from "./_periods.js";
import { runSimulation } from "./_run.js";
import { buildTimeline, type TimeTables } from "./_timeline.js";
import type { NodeResilience } from "./types.js";

/** Per-node TTS against TTR, sorted by TTS (shortest first, none last), then id. */
export function nodeResilience(
  highs: Highs,
  graph: SupplyGraph,
  applied: AppliedScenario,
  net: SimNetwork,
  tables: TimeTables,
  day0: string | null,
  periods: Period[],
): NodeResilience[] {
  const calm = { ...applied.timing, removed: {}, cut: {}, scaled: {} };
  const steady = buildTimeline(graph, { ...applied, timing: calm }, net, tables, day0);
  const shipping = net.nodes
    .map((_, i) => i)
    .filter((i) => net.outEdges[i]!.some((e) => net.edges[e]!.volume > 0 || net.edges[e]!.baseline));
  const out: NodeResilience[] = shipping.map((i) => {
    const id = net.nodes[i]!.id;
    const alone = { ...calm, removed: { [id]: [{ startDay: 0, durationDays: null }] } };
    const timeline = buildTimeline(graph, { ...applied, timing: alone }, net, tables, day0);
    const run = runSimulation(highs, net, timeline, steady, periods, { stopAtShortfall: true });
    const tts = run.firstShort === null ? null : periods[run.firstShort]!.start;
    const ttr = timeline.recovery[i]!;
    return {
      id,
      timeToSurvive: tts,
      timeToRecover: ttr.days,
      recoveryAssumed: ttr.assumed,
      exposed: tts !== null && tts < ttr.days,
    };
  });
  return out.sort(
    (a, b) =>
      (a.timeToSurvive ?? Number.POSITIVE_INFINITY) - (b.timeToSurvive ?? Number.POSITIVE_INFINITY) ||
      byId(a.id, b.id),
  );
}
