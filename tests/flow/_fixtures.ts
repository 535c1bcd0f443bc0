import { buildFlowModel, type FlowModel } from "../../src/flow/flow-model.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { BASELINE_SCENARIO } from "../../src/scenario/types.js";
import { graphFromText } from "../_helpers/graph-from-text.js";

/** The small magnet chain the flow tests work out by hand. */
export const TWO_MAKERS = `
  ndpr [mine CN output=NdPr capacity=100]
  dytb [mine MM output=DyTb capacity=1]
  mag [magnet JP output=magnet recipe=NdPr:0.3,DyTb:0.05]
  free [magnet DE output=magnet recipe=NdPr:0.3 capacity=5]
  car [consumer JP demand=50 recipe=magnet:1 stockpileDays=36.5 valuePerYear=1000]
  pile [stockpile JP output=DyTb stock=0.25]
  ndpr -> mag volume=6
  dytb -> mag volume=1
  ndpr -> free volume=1.5
  mag -> car volume=20
  free -> car volume=5
`;

/** Two mines of 10 for one consumer of 10 behind a plant of 10: either mine can go, the plant cannot. */
export const SPARE_MINE = `
  m1 [mine AU output=ore capacity=10]
  m2 [mine CA output=ore capacity=10]
  p [refinery JP output=ox recipe=ore:1 capacity=10]
  c [consumer JP demand=10]
  m1 -> p volume=5
  m2 -> p volume=5
  p -> c volume=10
`;

/** The flow model of a hand-written graph (`graphFromText`) in the baseline scenario. */
export function baselineFlow(text: string): FlowModel {
  const graph = graphFromText(text);
  return buildFlowModel(graph, applyScenario(graph, BASELINE_SCENARIO));
}
