/** `--countries JP,US`: ISO codes, upper-cased, each with consumers in at least one of the graphs. */
import { isCountryCode } from "../model/countries.js";
import { UsageError } from "../model/errors.js";
import { isConsumer, type SupplyGraph } from "../model/types.js";

/** Parse a comma-separated country list. @throws UsageError for a code that is not ISO 3166-1 alpha-2 */
export function parseCountries(text: string): string[] {
  const codes = [
    ...new Set(
      text
        .split(",")
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
  if (codes.length === 0) throw new UsageError("--countries is empty", "e.g. --countries JP,US");
  for (const c of codes)
    if (!isCountryCode(c))
      throw new UsageError(`"${c}" is not an ISO 3166-1 alpha-2 country code`, "e.g. JP, US");
  return codes;
}

/** @throws UsageError when a country has no consumer in any of the graphs (nothing to compare). */
export function checkCountriesHaveConsumers(countries: string[], graphs: SupplyGraph[]): void {
  for (const country of countries) {
    const found = graphs.some((g) => g.someNode((_id, a) => a.country === country && isConsumer(a)));
    if (!found)
      throw new UsageError(
        `no consumer in country ${country} in the graph`,
        "choose countries with consumers (chokepoint summary lists them)",
      );
  }
}
