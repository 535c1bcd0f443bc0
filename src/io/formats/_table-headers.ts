/**
 * The header names of the table formats (CSV, Parquet) that mean a node's id, an edge's ends or its key, in a
 * module of their own with no imports: the Parquet edge reader's worker thread (`_parquet-edges-worker.ts`)
 * needs them and nothing else of the CSV reader.
 */

/** Header names (squashed) that mean the id, endpoints or key in other tools' tables (Gephi: Id, Source, Target). */
export const NODE_ID = new Set(["id", "key", "nodeid", "node"]);
export const EDGE_SOURCE = new Set(["source", "from", "sourceid"]);
export const EDGE_TARGET = new Set(["target", "to", "targetid"]);
export const EDGE_KEY = new Set(["key", "id", "edgeid"]);

/** A header name squashed for matching (lower case, no spaces, `_`, `-`, `.`). */
export const squash = (s: string) => s.toLowerCase().replace(/[\s_\-.]/g, "");
