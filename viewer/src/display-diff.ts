/**
 * Which nodes and edges changed appearance since the last refresh, so sigma re-processes only those
 * (`refresh({ partialGraph })`) instead of every item of a 10^4-node graph on each toggle, hover or selection.
 * An item's appearance is summed up as a short signature string of what the reducers set.
 */
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";

/** The fields the reducers set, as one comparable string. */
export function appearanceSignature(a: Partial<NodeDisplayData> | Partial<EdgeDisplayData>): string {
  const n = a as Partial<NodeDisplayData>;
  return `${a.color}|${a.size}|${a.zIndex}|${a.label ?? ""}|${a.hidden ? 1 : 0}|${a.forceLabel ? 1 : 0}|${n.highlighted ? 1 : 0}`;
}

/** The items whose signature differs from the one last recorded (every item the first time). */
export interface Changes {
  nodes: string[];
  edges: string[];
  /** Share of all items that changed, in [0, 1]. */
  share: number;
}

export class AppearanceCache {
  private nodes = new Map<string, string>();
  private edges = new Map<string, string>();

  /** Forget everything (a new graph). */
  clear(): void {
    this.nodes.clear();
    this.edges.clear();
  }

  /** Compare every item with its last signature and record the new ones. */
  diff(
    nodeIds: readonly string[],
    edgeIds: readonly string[],
    nodeSignature: (node: string) => string,
    edgeSignature: (edge: string) => string,
  ): Changes {
    const nodes = changed(this.nodes, nodeIds, nodeSignature);
    const edges = changed(this.edges, edgeIds, edgeSignature);
    const total = nodeIds.length + edgeIds.length;
    return { nodes, edges, share: total > 0 ? (nodes.length + edges.length) / total : 0 };
  }

  /** Record the current signature of a few nodes (after a hover, refreshed on their own). */
  note(node: string, signature: string): void {
    this.nodes.set(node, signature);
  }
}

function changed(cache: Map<string, string>, ids: readonly string[], signature: (id: string) => string) {
  const out: string[] = [];
  for (const id of ids) {
    const s = signature(id);
    if (cache.get(id) !== s) {
      cache.set(id, s);
      out.push(id);
    }
  }
  return out;
}
