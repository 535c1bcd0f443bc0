/**
 * Random small supply graphs for property tests: nodes with outputs among a few materials, some with recipes
 * (AND), some consumers, random edges (cycles allowed). Returned as the text drawing of `graphFromText`.
 */
import fc from "fast-check";

const MATERIALS = ["a", "b", "c"];
const COUNTRIES = ["CN", "JP", "US", "AU"];

/** A fast-check arbitrary for the text of a random supply graph of 1-`maxNodes` nodes. */
export function randomSupplyGraphText(maxNodes = 9, withRecipes = true): fc.Arbitrary<string> {
  return fc.integer({ min: 1, max: maxNodes }).chain((n) =>
    fc
      .tuple(
        fc.array(
          fc.record({
            material: fc.integer({ min: 0, max: MATERIALS.length - 1 }),
            recipe: withRecipes
              ? fc.subarray(MATERIALS, { minLength: 0, maxLength: 2 })
              : fc.constant([] as string[]),
            consumer: fc.boolean(),
            country: fc.constantFrom(...COUNTRIES),
          }),
          { minLength: n, maxLength: n },
        ),
        fc.uniqueArray(
          // no self-loops: t is drawn from the other n - 1 nodes
          fc
            .tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: Math.max(0, n - 2) }))
            .map(([s, t]) => [s, t >= s ? t + 1 : t] as const),
          { maxLength: n === 1 ? 0 : n * 3, selector: ([s, t]) => `${s}>${t}` },
        ),
      )
      .map(([nodes, edges]) => {
        // consumers have no output: their out-edges would carry no material, so drop them
        const kept = edges.filter(([s]) => !nodes[s]!.consumer);
        // the loader rejects a recipe material no supplier outputs: keep only supplied recipe materials
        const inMaterials = nodes.map(() => new Set<string>());
        for (const [s, t] of kept) inMaterials[t]!.add(MATERIALS[nodes[s]!.material]!);
        const lines = nodes.map((node, i) => {
          const needs = node.recipe.filter((m) => inMaterials[i]!.has(m));
          const recipe = needs.length ? ` recipe=${needs.map((m) => `${m}:1`).join(",")}` : "";
          return node.consumer
            ? `n${i} [consumer ${node.country} demand=${i + 1}${recipe}]`
            : `n${i} [refinery ${node.country} output=${MATERIALS[node.material]}${recipe}]`;
        });
        return [
          ...lines,
          ...kept.map(([s, t]) => `n${s} -> n${t} volume=1 leadTimeDays=${((s * 7 + t) % 5) + 1}`),
        ].join("\n");
      }),
  );
}
