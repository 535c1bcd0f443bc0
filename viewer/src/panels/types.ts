/** What every panel receives: a read-only view of the app, and the actions it may trigger. */
import type { SupplyGraph } from "../../../src/model/types.js";
import type { AnalysisView } from "../analysis-view.js";
import type { Preset } from "../data.js";
import type { Encodings } from "../encodings.js";
import type { State } from "../state.js";
import type { TimelineState } from "../timeline.js";

export interface View {
  state: State;
  graph: SupplyGraph;
  /** Shown in the header: the bundled name or the file name. */
  graphTitle: string;
  encodings: Encodings;
  /** Null while the first analysis runs. */
  analysis: AnalysisView | null;
  analysing: boolean;
  canUndo: boolean;
  canRedo: boolean;
  graphNames: readonly string[];
  presets: readonly Preset[];
  /** The graph drawn is an aggregate of a large one. */
  aggregated: boolean;
  /** The timeline's simulation and the period shown. */
  timeline: TimelineState;
}

export interface Actions {
  /** Apply a named action; `undoable` ones (scenario changes) go into the undo history. */
  dispatch(action: (state: State) => State, options?: { undoable?: boolean }): void;
  undo(): void;
  redo(): void;
  loadBundled(name: string): void;
  loadFile(file: File): void;
  zoomToFit(): void;
  exportPng(): void;
  /** Move the camera to a node and select it. */
  focusNode(node: string): void;
  /** Emphasise search matches. */
  setMatches(nodes: readonly string[]): void;
}

export interface Panel {
  update(view: View): void;
}
