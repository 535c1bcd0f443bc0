/**
 * The positions of one graph in each layout, computed when first asked for: a dropped graph's first drawing
 * waits only for the layout it is drawn in (the map's projection of 10^4 nodes is not computed for a graph shown
 * in tiers). The force layout runs in a worker and is handed in when it arrives.
 */
import type { SupplyGraph } from "../../../src/model/types.js";
import type { Encodings } from "../encodings.js";
import type { Caption } from "../map-layer.js";
import type { LayoutName } from "../state.js";
import { mapLayout } from "./map.js";
import { tierCaptions, tiersLayout } from "./tiers.js";
import type { Positions } from "./types.js";

export class Layouts {
  private readonly positions = new Map<LayoutName, Positions>();
  private tierColumns: Caption[] | null = null;

  constructor(
    private readonly graph: SupplyGraph,
    private readonly encodings: Encodings,
  ) {}

  /** Stages left to right, countries grouped in legend order (the force layout starts from it). */
  tiers(): Positions {
    let positions = this.positions.get("tiers");
    if (!positions) {
      positions = tiersLayout(
        this.graph,
        this.encodings.countries.map((c) => c.country),
      );
      this.positions.set("tiers", positions);
    }
    return positions;
  }

  /** The column headers of the tiers layout. */
  captions(): Caption[] {
    this.tierColumns ??= tierCaptions(this.graph, this.tiers());
    return this.tierColumns;
  }

  /** The positions in a layout; the force layout's only once `setForce` has handed them in. */
  get(layout: LayoutName): Positions | undefined {
    if (layout === "tiers") return this.tiers();
    if (layout === "map" && !this.positions.has("map")) this.positions.set("map", mapLayout(this.graph));
    return this.positions.get(layout);
  }

  setForce(positions: Positions): void {
    this.positions.set("force", positions);
  }

  /** True when some node has coordinates (else the map shows nothing). */
  located(): boolean {
    return this.graph.someNode((_n, a) => typeof a.lat === "number" && typeof a.lon === "number");
  }
}
