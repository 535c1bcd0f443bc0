/**
 * The analyze result as an analyst's brief (text or Markdown), JSON (the stable interface, schema 1) or CSV
 * (one row per consumer, formula-safe). The brief: what was removed; consumers cut off, by country; the top
 * chokepoints with what each cuts off alone; country-level failure points for the big consumers; robustness.
 */
import { stringify } from "csv-stringify/sync";
import type { AnalyzeResult } from "../analysis/analyze.js";
import { type GraphInput, isCsr, nodeAttributesOf } from "../model/csr.js";
import type { NodeAttributes } from "../model/types.js";
import { csvSafeRow } from "../io/csv-safe.js";
import { jsonChunks } from "./json-chunks.js";
import { originCutLines } from "./origin-cuts.js";
import { markdownCell, markdownTable, percent, quantity, textTable } from "./table.js";

export type AnalyzeFormat = "text" | "md" | "json" | "csv";

/** Options of `formatAnalyzeReport`. */
export interface AnalyzeReportOptions {
  /** Chokepoints listed. */
  topChokepoints?: number;
  /** Consumers (largest demand first) whose country failure sets are listed. */
  topConsumers?: number;
  /** Above this many cut-off consumers the brief sums them up by country and lists only this many, largest first. */
  maxCutOffListed?: number;
  /** Lines that lead the brief, right under the title (the served-demand headline when the flow ran). */
  headline?: readonly string[];
}

export const DEFAULT_ANALYZE_REPORT_OPTIONS = {
  topChokepoints: 10,
  topConsumers: 10,
  maxCutOffListed: 40,
} as const;

function countBy(items: string[]): string {
  const counts = new Map<string, number>();
  for (const x of items) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
}

function list(items: string[], max = 6): string {
  return items.length <= max
    ? items.join(", ")
    : `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

/** The consumers rows of the CSV. */
function csvReport(result: AnalyzeResult): string {
  const header = [
    "id",
    "label",
    "country",
    "demand",
    "supplied",
    "missing",
    "singlePointsOfFailure",
    "singlePointsOfFailureOmitted",
    "countryFailureSets",
    "minFailures",
    "routeBeforeDays",
    "routeAfterDays",
  ];
  const rows = result.consumers.map((c) =>
    csvSafeRow([
      c.id,
      c.label,
      c.country,
      c.demand,
      c.supplied,
      c.missing.join(";"),
      c.singlePointsOfFailure.join(";"),
      c.singlePointsOfFailureOmitted,
      c.countryFailureSets === null ? "" : c.countryFailureSets.map((s) => s.join("+")).join(";"),
      c.minFailures ?? "",
      c.route.before?.leadTimeDays ?? "",
      c.route.after?.leadTimeDays ?? "",
    ]),
  );
  return stringify([header, ...rows], { cast: { boolean: (b) => (b ? "true" : "false") } });
}

/**
 * The JSON of an analyze result, in chunks (a 10^6-node result is hundreds of MB): indented, with each consumer,
 * unsupplied id and node on one compact line.
 */
export function analyzeJsonChunks(result: AnalyzeResult): Generator<string> {
  return jsonChunks(result, { recordsPerLine: true });
}

/**
 * Render an analyze result.
 * @param graph - the graph the result came from (for labels, stages and countries of nodes)
 */
export function formatAnalyzeReport(
  result: AnalyzeResult,
  graph: GraphInput,
  format: AnalyzeFormat,
  options: AnalyzeReportOptions = {},
): string {
  const opts = { ...DEFAULT_ANALYZE_REPORT_OPTIONS, ...options };
  if (format === "json") return [...analyzeJsonChunks(result)].join("");
  if (format === "csv") return csvReport(result);
  const md = format === "md";
  const table = md ? markdownTable : textTable;
  const units = result.graph.units ?? "t/yr";
  const h = (text: string) => (md ? `## ${text}` : `${text}\n${"-".repeat(text.length)}`);
  // Markdown prose escapes data like table cells do, so a label such as `<img onerror=...>` stays text.
  const prose = (text: string) => (md ? markdownCell(text) : text);
  const attributes = (id: string): NodeAttributes =>
    isCsr(graph) ? nodeAttributesOf(graph, id) : graph.getNodeAttributes(id);
  const name = (id: string) => attributes(id).label;
  const where = (id: string) => {
    const a = attributes(id);
    return `${a.country}, ${a.stage}`;
  };
  const { scenario, consumers } = result;
  const totalDemand = consumers.reduce((s, c) => s + c.demand, 0);
  const suppliedDemand = consumers.filter((c) => c.supplied).reduce((s, c) => s + c.demand, 0);

  const title = prose(`Disruption brief: ${scenario.name} on ${result.graph.name || "graph"}`);
  const parts: string[] = [md ? `# ${title}` : `${title}\n${"=".repeat(title.length)}`, ""];
  if (scenario.description) parts.push(prose(scenario.description), "");
  if (opts.headline?.length) parts.push(h("Headline"), ...opts.headline.map(prose), "");
  else
    parts.push(
      prose(
        "Served demand (capacity-aware) was not computed: the figures below are connectivity, whatever the capacity (run with --flow).",
      ),
      "",
    );

  parts.push(h("What was removed"));
  const removed = scenario.removedNodes;
  parts.push(
    removed.length === 0
      ? "No facility removed."
      : prose(
          `${removed.length} facilities removed (by country: ${countBy(removed.map((id) => attributes(id).country))}; by stage: ${countBy(removed.map((id) => attributes(id).stage))}).`,
        ),
  );
  if (scenario.removedEdges.length) {
    parts.push(
      prose(
        `${scenario.removedEdges.length} supply links cut: ${list(scenario.removedEdges.map(([s, t]) => `${name(s)} -> ${name(t)}`))}.`,
      ),
    );
  }
  parts.push(...originCutLines(scenario.originCuts ?? [], (id) => attributes(id).country, units).map(prose));
  if (scenario.excludedNodes.length)
    parts.push(`${scenario.excludedNodes.length} planned, under-construction or idle facilities not online.`);
  parts.push("");

  parts.push(h("Consumers cut off (no complete route left, whatever the capacity)"));
  const cut = consumers.filter((c) => !c.supplied);
  parts.push(
    `${consumers.length - cut.length} of ${consumers.length} consumers still connected: ${percent(totalDemand > 0 ? suppliedDemand / totalDemand : 0)} of demand (${quantity(suppliedDemand)} of ${quantity(totalDemand)} ${units}) keeps at least one complete route; how much of it can be served is the capacity question of the served-demand figures.`,
  );
  if (cut.length) {
    const byCountry = new Map<string, typeof cut>();
    for (const c of cut) {
      if (!byCountry.has(c.country)) byCountry.set(c.country, []);
      byCountry.get(c.country)!.push(c);
    }
    const demandOf = (list: typeof cut) => list.reduce((s, c) => s + c.demand, 0);
    const countries = [...byCountry].sort(
      (a, b) => demandOf(b[1]) - demandOf(a[1]) || (a[0] < b[0] ? -1 : 1),
    );
    const columns = [
      { header: "country" },
      { header: "consumer" },
      { header: `demand (${units})`, align: "right" as const },
      { header: "missing" },
    ];
    const row = (c: (typeof cut)[number]) => [
      c.country,
      c.label,
      quantity(c.demand),
      c.missing.join(", ") || "(no supplier)",
    ];
    if (cut.length <= opts.maxCutOffListed) {
      parts.push(
        "",
        table(
          columns,
          countries.flatMap(([, list]) => list.map(row)),
        ),
      );
    } else {
      // a brief, not a dump: per country, then the largest few (every consumer is in the JSON and CSV)
      parts.push(
        "",
        table(
          [
            { header: "country" },
            { header: "consumers cut off", align: "right" },
            { header: `demand cut off (${units})`, align: "right" },
          ],
          countries.map(([country, list]) => [country, String(list.length), quantity(demandOf(list))]),
        ),
        "",
        prose(`The ${opts.maxCutOffListed} largest:`),
        "",
        table(
          columns,
          [...cut]
            .sort((a, b) => b.demand - a.demand || (a.id < b.id ? -1 : 1))
            .slice(0, opts.maxCutOffListed)
            .map(row),
        ),
        "",
        prose(
          `... and ${cut.length - opts.maxCutOffListed} more; every consumer is listed by \`--format json\` and \`--format csv\`.`,
        ),
      );
    }
  }
  parts.push("");

  parts.push(h("Top chokepoints (what each cuts off alone, under this scenario)"));
  const cutBy = new Map<string, string[]>();
  for (const c of consumers) {
    for (const x of c.singlePointsOfFailure) {
      if (!cutBy.has(x)) cutBy.set(x, []);
      cutBy.get(x)!.push(c.label);
    }
  }
  const top = result.nodes
    .filter((n) => n.consumersCutAlone > 0)
    .sort(
      (a, b) =>
        b.demandCutAlone - a.demandCutAlone ||
        b.consumersCutAlone - a.consumersCutAlone ||
        (a.id < b.id ? -1 : 1),
    )
    .slice(0, opts.topChokepoints);
  parts.push(
    top.length === 0
      ? "No single facility cuts off any still-supplied consumer."
      : table(
          [
            { header: "facility" },
            { header: "where" },
            { header: `demand cut (${units})`, align: "right" },
            { header: "cuts off" },
          ],
          top.map((n) => [name(n.id), where(n.id), quantity(n.demandCutAlone), list(cutBy.get(n.id) ?? [])]),
        ),
  );
  parts.push("");

  parts.push(h("Country-level failure points (largest consumers)"));
  const big = consumers
    .filter((c) => c.countryFailureSets !== null)
    .sort((a, b) => b.demand - a.demand || (a.id < b.id ? -1 : 1))
    .slice(0, opts.topConsumers);
  parts.push(
    table(
      [
        { header: "consumer" },
        { header: "country" },
        { header: "fewest failures", align: "right" },
        { header: "cut off by losing" },
      ],
      big.map((c) => [
        c.label,
        c.country,
        String(c.minFailures ?? ""),
        !c.supplied
          ? "(already cut off)"
          : c.countryFailureSets!.length === 0
            ? `no set of up to ${result.limits.maxCountrySetSize} countries`
            : list(
                c.countryFailureSets!.map((s) => s.join(" + ")),
                5,
              ),
      ]),
    ),
  );
  parts.push("");

  parts.push(
    h(
      "Connectivity robustness (Schneider et al. 2011: mean share of demand still connected while facilities fall)",
    ),
  );
  parts.push(
    result.attack.attacks
      .map(
        (a) =>
          `${a.order}: R = ${a.robustness.toFixed(3)}${a.countries ? ` (order ${list(a.countries, 8)})` : ""}`,
      )
      .join("\n"),
  );
  const notes: string[] = [];
  if (result.limits.detailedConsumers)
    notes.push(
      `large graph: country sets and fewest failures only for the ${result.limits.detailedConsumers.length} largest consumers`,
    );
  if (result.limits.betweennessSampledPivots !== null)
    notes.push(`betweenness sampled from ${result.limits.betweennessSampledPivots} pivots`);
  if (result.limits.minFailuresUpperBound.length)
    notes.push(
      `fewest failures is an upper bound for ${result.limits.minFailuresUpperBound.length} consumers (recipes upstream)`,
    );
  if (result.limits.incompleteCountrySets.length)
    notes.push(prose(`country-set search stopped early for ${list(result.limits.incompleteCountrySets)}`));
  if (notes.length) parts.push("", h("Limits"), notes.map((n) => `- ${n}`).join("\n"));
  return `${parts.join("\n")}\n`;
}
