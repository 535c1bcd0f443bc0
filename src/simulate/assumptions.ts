/**
 * The time figures `simulate` assumes where a graph says nothing. Assumptions of chokepoint, not sourced figures;
 * a node's own attribute always wins, and the CLI can replace the stage defaults.
 */

/**
 * Days a buyer of each stage needs to qualify a supplier it did not buy from in the baseline. Magnet buyers
 * (consumers) test and approve magnets for months (automotive PPAP-style approval, about six months); a magnet
 * maker qualifying a new alloy or metal source about four; a metal plant a new oxide source about three; a
 * separation plant a new concentrate feed about two (feeds differ in mineralogy and radioactivity).
 */
export const DEFAULT_QUALIFICATION_DAYS: Readonly<Record<string, number>> = {
  consumer: 180,
  magnet: 120,
  metal: 90,
  refinery: 60,
  recycling: 60,
};

/** Qualification days for stages not in the table (an assumption as well). */
export const FALLBACK_QUALIFICATION_DAYS = 90;

/**
 * Days a new facility takes from start-up (its `since` year, on 1 January) to nameplate capacity, ramping
 * linearly. New rare-earth mines and separation plants have typically run well below nameplate for two years or
 * more after start-up (Lynas's Malaysian plant from 2012, Molycorp's Mountain Pass restart); metal and magnet lines
 * about a year.
 */
export const DEFAULT_RAMP_DAYS: Readonly<Record<string, number>> = {
  mine: 730,
  refinery: 730,
  recycling: 365,
  metal: 365,
  magnet: 365,
};

/** Ramp days for stages not in the table (an assumption as well). */
export const FALLBACK_RAMP_DAYS = 365;

/** The served fraction from which a country counts as recovered (time-to-recover). */
export const RECOVERED_FRACTION = 0.99;
