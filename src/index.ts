/**
 * chokepoint's public API: what a script needs to load a supply graph, disrupt it and analyse what breaks.
 * Only this module is importable from the package (`import { ... } from "chokepoint"`; package.json `exports`);
 * everything else under src/ is internal and may change. The surface is pinned by the API report
 * tests/api/public-api.api.md (checked by tests/api/public-api.test.ts), so a change to it is deliberate.
 * docs/library.md is the guide.
 *
 * Adding a function: export it here with its types and TSDoc, run `npm run docs` (which rewrites the report and
 * the reference in docs/api/), and commit the report's diff.
 *
 * @packageDocumentation
 */

// The data model.
export type {
  EdgeAttributes,
  FacilityStatus,
  GraphAttributes,
  MaterialInfo,
  NodeAttributes,
  Problem,
  Ranges,
  Severity,
  SupplyGraph,
  ValueRange,
} from "./model/types.js";
export { isConsumer, isPipeline, isSource, isStockpile } from "./model/types.js";
export {
  ChokepointError,
  CycleError,
  GraphFileError,
  OutputError,
  ScenarioError,
  formatProblem,
  UsageError,
} from "./model/errors.js";
export { FlowSolveError } from "./flow/_solver.js";
export type { Csr, GraphInput } from "./analysis/_csr.js";
export type { NodeAttributeTable } from "./model/csr.js";

// Reading graphs, and the bundled data by name.
export { loadGraph, type LoadGraphOptions } from "./io/load-graph.js";
export {
  checkAnyGraphFile,
  checkAnyGraphFileAsync,
  readGraphFile,
  readGraphFileAsync,
  type ReadGraphOptions,
} from "./io/read-graph-file.js";
export { readGraphTable, readGraphTableAsync } from "./io/read-graph-table.js";
export { parseGraph, type ParseGraphOptions } from "./io/parse-graph.js";
export type { GraphCheckOptions, GraphCheckResult } from "./model/graph-checks.js";
export { bundledGraphNames, bundledGraphPath, loadBundledGraph } from "./io/bundled.js";

// Scenarios: loaded by name or path, built in code, composed, applied.
export type {
  AppliedScenario,
  DisruptionWindow,
  EdgeCut,
  NodeSelector,
  OriginCondition,
  OriginCutResult,
  RemoveRule,
  RuleTiming,
  ScaleRule,
  Scenario,
  ScenarioTiming,
  SelectorKey,
  UncertaintyRule,
} from "./scenario/types.js";
export { bundledScenarioNames, loadScenario, parseScenario } from "./io/load-scenario.js";
export {
  buildScenario,
  type CutInput,
  type ScaleInput,
  type ScenarioParts,
  type SelectorInput,
} from "./scenario/build-scenario.js";
export { composeScenarios } from "./scenario/compose.js";
export { applyScenario } from "./scenario/apply-scenario.js";
export {
  type ContentBasis,
  type ContentNetwork,
  contentNetworkOf,
  originContent,
} from "./scenario/origin-content.js";

// Reachability analyses: who is cut off, and by what.
export {
  type AnalyzedConsumer,
  type AnalyzedNode,
  type AnalyzeOptions,
  type AnalyzeResult,
  analyze,
} from "./analysis/analyze.js";
export {
  type ConsumerSupply,
  type SupplyOptions,
  type SupplyStatus,
  supplyStatus,
} from "./analysis/supply.js";
export {
  type ConsumerSinglePoints,
  type NodeCutOff,
  type SinglePointsOfFailure,
  type SinglePointsOfFailureOptions,
  singlePointsOfFailure,
} from "./analysis/single-points-of-failure.js";
export {
  type ConsumerCountrySets,
  type CountryFailureSets,
  type CountryFailureSetsOptions,
  countryFailureSets,
} from "./analysis/country-failure-sets.js";
export {
  type ConsumerMinFailures,
  type MinFailures,
  type MinFailuresOptions,
  minFailures,
} from "./analysis/min-failures.js";
export {
  type ConsumerRoutes,
  type Route,
  type Routes,
  type RoutesOptions,
  routes,
} from "./analysis/routes.js";
export {
  type Centrality,
  type CentralityOptions,
  centrality,
  type NodeCentrality,
} from "./analysis/centrality.js";
export {
  type AttackCurve,
  type AttackCurves,
  type AttackCurvesOptions,
  attackCurves,
  type CurvePoint,
} from "./analysis/attack-curves.js";
export {
  type ConcentrationOptions,
  type ConcentrationReport,
  type CountryImports,
  concentrationReport,
  type StageConcentration,
} from "./analysis/concentration.js";

// Served demand: the flow model.
export type { FlowObjective, RoutingMethod } from "./flow/_solve-flow.js";
export {
  type Bottleneck,
  type ConsumerService,
  type CountryService,
  type EdgeFlow,
  DEFAULT_SERVED_DEMAND_OPTIONS,
  type ServedDemand,
  type ServedDemandOptions,
  type ServedSplit,
  servedDemand,
} from "./flow/served-demand.js";
export {
  type FlowAnalysis,
  type FlowAnalysisOptions,
  type FlowPhase,
  flowAnalysis,
} from "./flow/flow-analysis.js";
export {
  DEFAULT_FLOW_CHOKEPOINTS_OPTIONS,
  type FlowChokepoint,
  type FlowChokepointsOptions,
  flowChokepoints,
  type ProgressCallback,
} from "./flow/flow-chokepoints.js";
export type { FlowAttack, FlowAttackCurve } from "./flow/flow-attack.js";
export type {
  ConsumerSurvival,
  CountrySurvival,
  NodeExposure,
  StockpileUse,
  Survival,
} from "./flow/survival.js";
export type { ConsumerLoss, Losses } from "./flow/losses.js";

// Countries, years and scenarios side by side; levers.
export {
  type CompareColumn,
  type CompareInput,
  type CompareOptions,
  type Comparison,
  type CountryChange,
  compareResilience,
} from "./compare/compare.js";
export type {
  CountryMetrics,
  CountryMetricsOptions,
  ForeignCountrySet,
  ForeignSinglePoint,
} from "./compare/country-metrics.js";
export type {
  AddEdge,
  AttributeChange,
  EdgeEdit,
  Lever,
  LeverChanges,
  NodeEdit,
  NodeSet,
} from "./levers/types.js";
export { applyLever, applyLevers, type LeveredGraph } from "./levers/apply-lever.js";
export { bundledLeverNames, loadLever, parseLever } from "./io/load-lever.js";
export {
  type LeverContribution,
  type LeverContributions,
  type LeverContributionsOptions,
  type LeverOutcome,
  leverContributions,
  type OutcomeDelta,
} from "./compare/lever-contributions.js";
export {
  type ProjectGain,
  type GreedyStep,
  type ProjectRanking,
  type ProjectRankingOptions,
  projectRanking,
} from "./compare/project-ranking.js";

// Writing graphs and results.
export {
  serializeGraphJson,
  type WritableFormat,
  type WriteGraphFileOptions,
  type WriteGraphFileResult,
  writeGraphFile,
} from "./io/write-graph-file.js";
export {
  type AnalysisForExport,
  exportResults,
  type NodeResults,
  nodeResultsFromAnalysis,
} from "./io/export-results.js";
export { type AnalyzeFormat, type AnalyzeReportOptions, formatAnalyzeReport } from "./report/analyze.js";
export { type FlowReportFormat, formatFlowReport } from "./report/flow.js";
export { formatConcentrationReport, type ReportFormat } from "./report/concentration.js";
export {
  type ChartFile,
  type CompareFormat,
  formatComparison,
  type RenderedReport,
} from "./report/compare.js";

// Time: the day-by-day simulation.
export { simulate } from "./simulate/simulate.js";
export type {
  CountryResilience,
  NodeResilience,
  PeriodConsumer,
  PeriodCountry,
  PeriodStock,
  SimulateOptions,
  Simulation,
  SimulationPeriod,
} from "./simulate/types.js";

// Uncertainty: Monte Carlo over the ranges of estimates, and which input matters most.
export {
  type CountrySamples,
  type MonteCarlo,
  type MonteCarloOptions,
  monteCarlo,
  monteCarloIntervals,
} from "./uncertainty/monte-carlo.js";
export {
  type CensoredInterval,
  censoredIntervalOf,
  type Interval,
  intervalOf,
  probabilityBelow,
} from "./uncertainty/quantiles.js";
export {
  type CountrySimulationIntervals,
  type SampledSimulateSettings,
  type SampledSimulation,
  type SampledSimulationOptions,
  sampledSimulation,
} from "./uncertainty/sampled-simulation.js";
export { type RangedInput, rangedInputs } from "./uncertainty/ranged-inputs.js";
export {
  type InputSensitivity,
  type Metric,
  parseMetric,
  type Sensitivity,
  type SensitivityOptions,
  sensitivity,
} from "./uncertainty/sensitivity.js";
export { type SobolIndices, sobolIndices } from "./uncertainty/sobol.js";
export {
  type ColumnSamples,
  type CompareSamples,
  type CompareSamplesOptions,
  compareSamples,
} from "./compare/compare-samples.js";
export {
  type LeverSample,
  type LeverSamples,
  type LeverSamplesOptions,
  leverSamples,
} from "./compare/lever-samples.js";
export type { Distribution } from "./uncertainty/draws.js";
export type { FlowIntervals } from "./report/intervals.js";
