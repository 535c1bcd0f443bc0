/**
 * Read a graph file straight into its integer view (`Csr`), the form every analysis runs on. A JSON file is
 * checked exactly as `readGraphFile` checks it, but no graphology graph is built: at 10^6 nodes that graph
 * alone took about half of the load time and 2 GB. A file over 128 MiB is checked while read in chunks, and
 * only node attributes and typed edge columns are kept. Other formats go through `readGraphFile`.
 */
import { buildCsr, type Csr, csrFromChecked, csrFromColumns, csrFromColumnsAsync } from "../model/csr.js";
import { GraphFileError } from "../model/errors.js";
import { checkGraphFileParts, checkLargeGraphFile } from "./load-graph.js";
import { checkParquetColumns } from "./formats/parquet-files.js";
import { formatOfPath, type ReadGraphOptions, readGraphFile } from "./read-graph-file.js";

/**
 * Read and validate a graph in any supported format, as its integer view.
 * @throws GraphFileError listing every problem; UsageError for an unknown format.
 */
export function readGraphTable(path: string, options: ReadGraphOptions = {}): Csr {
  const format = options.from ?? formatOfPath(path);
  if (format !== "json") return buildCsr(readGraphFile(path, options));
  const large = checkLargeGraphFile(path, options);
  if (large) {
    if (!large.columns || large.problems.some((p) => p.severity === "error"))
      throw new GraphFileError(path, large.problems);
    return csrFromColumns(large.columns);
  }
  const { parts, problems } = checkGraphFileParts(path, options);
  if (!parts || problems.some((p) => p.severity === "error")) throw new GraphFileError(path, problems);
  return csrFromChecked(parts);
}

/**
 * `readGraphTable` for every format: Parquet tables are read straight into the integer view (no graphology
 * graph), the others as `readGraphTable` reads them.
 * @throws GraphFileError listing every problem; UsageError for an unknown format.
 */
export async function readGraphTableAsync(path: string, options: ReadGraphOptions = {}): Promise<Csr> {
  const format = options.from ?? formatOfPath(path);
  if (format !== "parquet") return readGraphTable(path, options);
  const { columns, problems, edgeLists } = await checkParquetColumns(path, options);
  if (!columns || problems.some((p) => p.severity === "error")) throw new GraphFileError(path, problems);
  return edgeLists ? csrFromColumnsAsync(columns, edgeLists) : csrFromColumns(columns);
}
