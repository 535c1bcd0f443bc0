/**
 * The per-country figures a simulated sample records, in row order (`_simulation-figures.ts` writes them). Apart
 * from the simulator, so the evaluator and every worker thread know the row width without loading `simulate`.
 */
export const SIMULATION_FIGURES = [
  "timeToSurvive",
  "deepestFraction",
  "timeToRecover",
  "tonneDays",
  "shareDays",
] as const;
