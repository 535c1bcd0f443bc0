/**
 * `analyze`: every disruption analysis of one scenario, composed into the stable JSON result that the
 * `chokepoint analyze` command prints (schema 1, documented field by field in docs/analyze.md). One CSR view is built
 * and shared. On large graphs the costly per-consumer searches (country failure sets, fewest failures) run only
 * for the largest consumers, and `limits` says so.
 */
import { applyScenario } from "../scenario/apply-scenario.js";
import { type AppliedScenario, BASELINE_SCENARIO, type OriginCutResult } from "../scenario/types.js";
import { type Csr, consumerIndices, csrOf, type GraphInput, scenarioMasks } from "./_csr.js";
import { type AttackCurves, attackCurves } from "./attack-curves.js";
import { centralityScores } from "./centrality.js";
import { countryFailureSets } from "./country-failure-sets.js";
import { minFailures } from "./min-failures.js";
import { type Route, routes } from "./routes.js";
import { singlePointsOfFailureCore } from "./single-points-of-failure.js";
import { supplyStatus } from "./supply.js";

/** Options of `analyze`. */
export interface AnalyzeOptions {
  /** Above this many nodes betweenness is sampled (see `centrality`). @defaultValue `20000` */
  largeGraphNodes?: number;
  /**
   * Country sets and fewest failures (a search per consumer, tens of ms each on a synthetic 10k-node graph) run
   * for at most this many consumers, the largest demand first (ties by id); all of them when there are fewer.
   * @defaultValue `50`
   */
  detailedConsumers?: number;
  /** Largest country set searched. @defaultValue `4` */
  maxCountrySetSize?: number;
  /** The most single points of failure listed per consumer (the nearest; the rest are counted). @defaultValue `1000` */
  maxSinglePointsListed?: number;
  /** Lead time of an edge without `leadTimeDays`, in days. @defaultValue `30` */
  defaultLeadTimeDays?: number;
  /** Seeds of the random attack orders. @defaultValue `[1, 2, 3, 4, 5]` */
  seeds?: number[];
  /** Pivots of sampled betweenness (graphs above `largeGraphNodes`). @defaultValue `200` */
  pivots?: number;
  csr?: Csr;
}

export const DEFAULT_ANALYZE_OPTIONS = {
  largeGraphNodes: 20_000,
  detailedConsumers: 50,
  maxCountrySetSize: 4,
  maxSinglePointsListed: 1000,
  defaultLeadTimeDays: 30,
  seeds: [1, 2, 3, 4, 5],
  pivots: 200,
} as const;

/** One consumer in the result. */
export interface AnalyzedConsumer {
  id: string;
  label: string;
  country: string;
  demand: number;
  supplied: boolean;
  missing: string[];
  singlePointsOfFailure: string[];
  /** Single points of failure left out of the list by `limits.maxSinglePointsListed` (0 = complete). */
  singlePointsOfFailureOmitted: number;
  /** Minimal country sets; null when not computed (large graph, not among the largest consumers). */
  countryFailureSets: string[][] | null;
  minFailures: number | null;
  route: { before: Route | null; after: Route | null };
}

/** One node in the result. */
export interface AnalyzedNode {
  id: string;
  consumersCutAlone: number;
  demandCutAlone: number;
  betweenness: number;
  volumeShare: number;
}

/** The analyze result (schema 1). */
export interface AnalyzeResult {
  schema: 1;
  graph: { name: string; nodes: number; edges: number; units: string | null };
  scenario: {
    name: string;
    description: string | null;
    removedNodes: string[];
    excludedNodes: string[];
    removedEdges: [string, string][];
    /** What each origin rule cut (its edges are in `removedEdges` too); [] without origin rules. */
    originCuts: OriginCutResult[];
  };
  limits: {
    largeGraph: boolean;
    /** Consumers that got country sets and fewest failures (more consumers than `detailedConsumers`); null = all. */
    detailedConsumers: string[] | null;
    maxCountrySetSize: number;
    /** The most single points of failure listed per consumer (the nearest levels of the dominator DAG). */
    maxSinglePointsListed: number;
    /** Consumers whose country-set search hit its run budget (sets of the sizes reached are exact). */
    incompleteCountrySets: string[];
    /** Consumers whose `minFailures` is an upper bound (recipe nodes upstream). */
    minFailuresUpperBound: string[];
    /** null = exact betweenness; else the number of sampled pivots. */
    betweennessSampledPivots: number | null;
    defaultLeadTimeDays: number;
  };
  consumers: AnalyzedConsumer[];
  unsupplied: string[];
  nodes: AnalyzedNode[];
  attack: AttackCurves;
}

/**
 * Run every disruption analysis of a scenario: supply, single points of failure, country failure sets, fewest
 * failures, routes, centrality and attack curves (docs/analyze.md defines each). The result is what
 * `chokepoint analyze --format json` prints.
 * @param graph - the file graph, or its integer view (`readGraphTable`)
 * @param applied - the scenario resolved on it (`applyScenario`)
 * @param options - limits of the costlier parts (each field of `AnalyzeOptions` states its default)
 * @example
 * ```ts
 * const graph = loadBundledGraph("rare-earths-2025");
 * const result = analyze(graph, applyScenario(graph, loadScenario("no-china")));
 * console.log(result.unsupplied); // ids of the consumers cut off
 * ```
 */
export function analyze(
  graph: GraphInput,
  applied: AppliedScenario,
  options: AnalyzeOptions = {},
): AnalyzeResult {
  const opts = { ...DEFAULT_ANALYZE_OPTIONS, ...options };
  const csr = csrOf(graph, opts.csr);
  const baseline = applyScenario(csr, BASELINE_SCENARIO);
  const masks = scenarioMasks(csr, applied);
  const supply = supplyStatus(csr, applied);
  const spof = singlePointsOfFailureCore(csr, applied, opts.maxSinglePointsListed);
  const large = csr.n > opts.largeGraphNodes;
  // supply, single points of failure and routes all list the consumers the scenario keeps, in index (= id) order
  const kept = consumerIndices(csr).filter((v) => masks.removed[v] !== 1);
  const detailed =
    supply.consumers.length > opts.detailedConsumers
      ? supply.consumers
          .map((c, i) => ({ id: c.id, demand: csr.demand[kept[i]!]! }))
          .sort((a, b) => b.demand - a.demand || (a.id < b.id ? -1 : 1))
          .slice(0, opts.detailedConsumers)
          .map((c) => c.id)
          .sort()
      : undefined;
  const sets = countryFailureSets(csr, applied, {
    maxSetSize: opts.maxCountrySetSize,
    ...(detailed ? { consumers: detailed } : {}),
  });
  const fewest = minFailures(csr, applied, detailed ? { consumers: detailed } : {});
  const fastest = routes(csr, applied, { baseline, defaultLeadTimeDays: opts.defaultLeadTimeDays });
  const central = centralityScores(csr, masks, scenarioMasks(csr, baseline), {
    exactMaxNodes: opts.largeGraphNodes,
    pivots: opts.pivots,
  });
  const attack = attackCurves(csr, applied, { seeds: [...opts.seeds], betweenness: central.betweenness });

  const setsById = new Map(sets.consumers.map((c) => [c.id, c.countryFailureSets]));
  const fewestById = new Map(fewest.consumers.map((c) => [c.id, c.minFailures]));
  const consumers = supply.consumers.map((c, i): AnalyzedConsumer => {
    const a = csr.nodeAttributes.at(kept[i]!);
    const route = fastest.consumers[i]!;
    return {
      id: c.id,
      label: a.label,
      country: a.country,
      demand: a.demand ?? 0,
      supplied: c.supplied,
      missing: c.missing,
      singlePointsOfFailure: spof.consumers[i]!.singlePointsOfFailure,
      singlePointsOfFailureOmitted: spof.consumers[i]!.singlePointsOfFailureOmitted,
      countryFailureSets: setsById.get(c.id) ?? null,
      minFailures: fewestById.get(c.id) ?? null,
      route: { before: route.before, after: route.after },
    };
  });
  const cut = spof.cutOff;
  const nodes = csr.ids.map(
    (id, v): AnalyzedNode => ({
      id,
      consumersCutAlone: cut.consumers[v]!,
      demandCutAlone: cut.demand[v]!,
      betweenness: central.betweenness[v]!,
      volumeShare: central.volumeShare[v]!,
    }),
  );
  return {
    schema: 1,
    graph: {
      name: csr.graphAttributes.name ?? "",
      nodes: csr.n,
      edges: csr.m,
      units: csr.graphAttributes.units ?? null,
    },
    scenario: {
      name: applied.name,
      description: applied.description ?? null,
      removedNodes: applied.removedNodes,
      excludedNodes: applied.excludedNodes,
      removedEdges: applied.cutEdgeEnds
        .map(([s, t]): [string, string] => [s, t])
        .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)),
      originCuts: applied.originCuts,
    },
    limits: {
      largeGraph: large,
      detailedConsumers: detailed ?? null,
      maxCountrySetSize: opts.maxCountrySetSize,
      maxSinglePointsListed: opts.maxSinglePointsListed,
      incompleteCountrySets: sets.consumers.filter((c) => !c.complete).map((c) => c.id),
      minFailuresUpperBound: fewest.consumers.filter((c) => !c.exact).map((c) => c.id),
      betweennessSampledPivots: central.sampledPivots,
      defaultLeadTimeDays: fastest.defaultLeadTimeDays,
    },
    consumers,
    unsupplied: supply.unsupplied,
    nodes,
    attack,
  };
}
