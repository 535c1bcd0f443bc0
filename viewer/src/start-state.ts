/**
 * The state the page starts in: the URL hash's, on a graph this page can show. A link to a graph the build does
 * not bundle, or to a file opened on another computer, starts on the first bundled graph instead (its node
 * removals and selection dropped: they name another graph's nodes), and says why.
 */
import { DEFAULT_STATE, decodeHash, type State } from "./state.js";

/** A start state and what the page should say about the link (null: nothing). */
export interface StartState {
  state: State;
  /** Why the link's graph is not shown. */
  problem: string | null;
}

/**
 * @param hash `location.hash` (`""` or `"#"`: the default state)
 * @param names the bundled graphs' names, in the picker's order (the first is the default)
 */
export function startState(hash: string, names: readonly string[]): StartState {
  const state = hash.length > 1 ? decodeHash(hash) : { ...DEFAULT_STATE };
  if (names.includes(state.graph) || state.graph === "local") return { state, problem: null };
  const problem =
    state.graph === DEFAULT_STATE.graph
      ? null
      : state.graph.startsWith("file:")
        ? `The link refers to a file opened on another computer (${state.graph.slice(5)}); open it again here.`
        : `There is no bundled graph "${state.graph}"; showing ${names[0] ?? "nothing"}.`;
  return { state: { ...state, graph: names[0] ?? "", removedNodes: [], selected: null }, problem };
}
