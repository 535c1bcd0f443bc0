/** The flow report (served demand, bottlenecks, N-1 chokepoints, attack, survival, losses) as text, Markdown or JSON. */
import { originCutLines } from "./origin-cuts.js";
import type { FlowAnalysis } from "../flow/flow-analysis.js";
import type { SupplyGraph } from "../model/types.js";
import type { AppliedScenario } from "../scenario/types.js";
import {
  type FlowIntervals,
  flowWithIntervals,
  intervalNote,
  percentInterval,
  quantityInterval,
} from "./intervals.js";
import { type Column, markdownTable, percent, quantity, stableJson, textTable } from "./table.js";

export type FlowReportFormat = "text" | "md" | "json";

/** How many rows the text and Markdown tables show (JSON has everything). */
const TOP = 15;

/**
 * The flow analysis as the JSON fields documented in the README (`flow`, `chokepoints`, `flowAttack`,
 * `survival`, `losses`): what `analyze --flow` merges into its report and `flow --format json` prints.
 */
export function flowJsonFields(analysis: FlowAnalysis, units = "t/yr") {
  return {
    flow: { ...analysis.flow, units },
    chokepoints: analysis.chokepoints,
    flowAttack: analysis.attack,
    survival: analysis.survival,
    losses: analysis.losses,
  };
}

/** The standalone JSON document of `chokepoint flow`. */
export function flowJson(
  graph: SupplyGraph,
  applied: AppliedScenario,
  analysis: FlowAnalysis,
  intervals?: FlowIntervals,
) {
  const fields = flowJsonFields(analysis, graph.getAttribute("units") ?? "t/yr");
  return {
    schema: 1,
    graph: { name: graph.getAttribute("name") ?? null, nodes: graph.order, edges: graph.size },
    scenario: {
      name: applied.name,
      removedNodes: applied.removedNodes,
      excludedNodes: applied.excludedNodes,
      removedEdges: applied.removedEdges.map((key) => [graph.source(key), graph.target(key)]),
      originCuts: applied.originCuts,
    },
    ...fields,
    flow: flowWithIntervals(fields.flow, intervals),
  };
}

const days = (d: number | null) => (d === null ? "no shortfall" : d.toFixed(0));

/** "15.1%", or "15.1% (11.7-26.5)" when the max-total optima leave the country's figure open. */
function shareAndRange(served: number, demand: number, range: readonly [number, number]): string {
  if (demand <= 0) return percent(0);
  const low = range[0] / demand;
  const high = range[1] / demand;
  if (high - low < 5e-4) return percent(served / demand);
  return `${percent(served / demand)} (${(low * 100).toFixed(1)}-${(high * 100).toFixed(1)})`;
}

/**
 * The lead of a brief: served demand first (capacity-aware), then reachability worded as "connected".
 * `connected` = [consumers with at least one complete route, consumers kept], when reachability was computed.
 */
export function servedHeadline(
  analysis: FlowAnalysis,
  units: string,
  connected?: readonly [number, number],
): string[] {
  const flow = analysis.flow;
  const share = flow.totalDemand > 0 ? flow.totalServed / flow.totalDemand : 0;
  const lines = [
    `Served: ${percent(share)} of the demand of the consumers left can be met with the capacities left ` +
      `(${quantity(flow.totalServed)} of ${quantity(flow.totalDemand)} ${units}; objective ${flow.objective}).`,
  ];
  const countries = Object.entries(flow.countries)
    .filter(([, c]) => c.demand > 0)
    .map(([code, c]) => `${code} ${shareAndRange(c.served, c.demand, c.servedRange)}`);
  if (countries.length)
    lines.push(
      `By country (in brackets: the range over every split that serves the same total): ${countries.join(", ")}.`,
    );
  if (connected)
    lines.push(
      `Connected: ${connected[0]} of ${connected[1]} consumers keep at least one complete route, whatever the capacity.`,
    );
  return lines;
}

/** The text / Markdown sections of a flow analysis (for `flow`, and for `analyze --flow` to append). */
export function formatFlowSections(
  graph: SupplyGraph,
  analysis: FlowAnalysis,
  format: "text" | "md",
  intervals?: FlowIntervals,
): string {
  const units = graph.getAttribute("units") ?? "t/yr";
  const table = format === "md" ? markdownTable : textTable;
  const h = (text: string) => (format === "md" ? `## ${text}` : `${text}\n${"-".repeat(text.length)}`);
  const { flow, chokepoints, attack, survival, losses } = analysis;
  const out: string[] = [];
  const served = flow.totalDemand > 0 ? flow.totalServed / flow.totalDemand : 0;
  out.push(
    h(`Served demand (objective ${flow.objective})`),
    `Served ${quantityInterval(flow.totalServed, intervals?.totalServed)} of ${quantity(flow.totalDemand)} ${units} demanded (${percentInterval(served, intervals?.fraction)}); ` +
      `smallest served fraction ${flow.minFraction === null ? "n/a (no consumer left)" : percent(flow.minFraction)}.`,
    ...(intervals ? [intervalNote(intervals)] : []),
    "",
  );
  const countryCols: Column[] = [
    { header: "country" },
    { header: `demand (${units})`, align: "right" },
    { header: "served", align: "right" },
    { header: "served % (range over optima)", align: "right" },
    { header: "days to first shortfall", align: "right" },
  ];
  out.push(
    table(
      countryCols,
      Object.entries(flow.countries).map(([code, c]) => [
        code,
        quantity(c.demand),
        quantity(c.served),
        intervals?.countries[code]?.fraction
          ? percentInterval(c.fraction, intervals.countries[code]?.fraction)
          : shareAndRange(c.served, c.demand, c.servedRange),
        days(survival.countries[code]?.daysToSurvive ?? null),
      ]),
    ),
    "",
  );
  const short = [...flow.consumers].sort((a, b) => a.fraction - b.fraction || (a.id < b.id ? -1 : 1));
  const daysOf = new Map(survival.consumers.map((c) => [c.id, c.daysToSurvive]));
  out.push(
    h(`Consumers, least served first (${Math.min(TOP, short.length)} of ${short.length})`),
    table(
      [
        { header: "consumer" },
        { header: "country" },
        { header: `demand (${units})`, align: "right" },
        { header: "served", align: "right" },
        { header: "served %", align: "right" },
        { header: "days of stock", align: "right" },
      ],
      short
        .slice(0, TOP)
        .map((c) => [
          c.label,
          c.country,
          quantity(c.demand),
          quantity(c.served),
          percent(c.fraction),
          days(daysOf.get(c.id) ?? null),
        ]),
    ),
    "",
  );
  out.push(h("Bottlenecks (served demand gained per extra unit of capacity)"));
  out.push(
    flow.bottlenecks.length === 0
      ? "No capacity binds: supply is limited by what the scenario removed, not by capacity."
      : table(
          [
            { header: "where" },
            { header: "capacity", align: "right" },
            { header: "flow", align: "right" },
            { header: "gain per unit", align: "right" },
          ],
          flow.bottlenecks
            .slice(0, TOP)
            .map((b) => [
              b.kind === "edge" ? `${b.source} -> ${b.target}` : b.id,
              quantity(b.capacity),
              quantity(b.flow),
              b.shadowPrice === null ? "n/a" : quantity(b.shadowPrice),
            ]),
        ),
    "",
  );
  const hurting = chokepoints.filter((c) => c.demandLost > 0);
  out.push(
    h(
      `Flow chokepoints: served demand lost when one node goes (N-1; ${hurting.length} of ${chokepoints.length} nodes cost any)`,
    ),
  );
  out.push(
    hurting.length === 0
      ? "No single facility's loss reduces served demand."
      : table(
          [
            { header: "node" },
            { header: "stage" },
            { header: "country" },
            { header: `lost (${units})`, align: "right" },
            { header: "of demand", align: "right" },
          ],
          hurting
            .slice(0, TOP)
            .map((c) => [c.label, c.stage, c.country, quantity(c.demandLost), percent(c.shareLost)]),
        ),
    "",
  );
  if (attack) {
    out.push(
      h("Robustness R (Schneider et al. 2011) in served demand"),
      attack.curves.map((c) => `${c.order}: R = ${c.robustness.toFixed(3)}`).join("; ") +
        ` (${attack.nodes} removable nodes)`,
      "",
    );
  }
  const exposed = survival.nodes.filter((n) => n.exposure > 0);
  out.push(h("Risk exposure: demand lost while a node recovers, beyond stocks"));
  out.push(
    exposed.length === 0
      ? "No node's outage outlasts the stocks."
      : table(
          [
            { header: "node" },
            { header: "stage" },
            { header: "recovery days", align: "right" },
            { header: `lost (${units.split("/")[0]})`, align: "right" },
            { header: "index", align: "right" },
          ],
          exposed
            .slice(0, TOP)
            .map((n) => [
              n.id,
              n.stage,
              `${n.recoveryDays}${n.recoveryAssumed ? "*" : ""}`,
              quantity(n.exposure),
              n.index.toFixed(2),
            ]),
        ),
  );
  if (exposed.length) out.push("* stage default (an assumption; see the README)");
  out.push("");
  const currency = losses.currency ?? "";
  out.push(h(`Losses${currency ? ` (${currency})` : ""} by disruption length`));
  out.push(
    losses.consumers.length === 0
      ? "No consumer has a valuePerYear."
      : table(
          [
            { header: "country" },
            ...losses.durations.map((d) => ({ header: `${d} days`, align: "right" as const })),
          ],
          [
            ...Object.entries(losses.countries).map(([code, l]) => [code, ...l.map(quantity)]),
            ["total", ...losses.total.map(quantity)],
          ],
        ),
  );
  if (losses.withoutValue.length)
    out.push(`Not counted (no valuePerYear): ${losses.withoutValue.length} consumers.`);
  return `${out.join("\n")}\n`;
}

/** Render the standalone flow report. */
export function formatFlowReport(
  graph: SupplyGraph,
  applied: AppliedScenario,
  analysis: FlowAnalysis,
  format: FlowReportFormat,
  intervals?: FlowIntervals,
): string {
  if (format === "json") return stableJson(flowJson(graph, applied, analysis, intervals));
  const name = graph.getAttribute("name") ?? "graph";
  const title = `${name}: scenario ${applied.name}`;
  const origin = originCutLines(
    applied.originCuts,
    (id) => graph.getNodeAttribute(id, "country"),
    graph.getAttribute("units") ?? "t/yr",
  );
  const removed = [
    `Removed ${applied.removedNodes.length} nodes, cut ${applied.removedEdges.length} edges; ${applied.excludedNodes.length} pipeline or idle facilities not online.`,
    ...origin,
  ].join(format === "md" ? "\n\n" : "\n");
  const head =
    format === "md" ? `# ${title}\n\n${removed}\n` : `${title}\n${"=".repeat(title.length)}\n${removed}\n`;
  return `${head}\n${formatFlowSections(graph, analysis, format, intervals)}`;
}
