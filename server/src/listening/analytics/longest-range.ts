/**
 * The longest range a dashboard chart is counted for, in days of 24 hours: a year and a month; a
 * longer one is an export, not a dashboard. The API refuses longer ranges and the web app's range
 * picker offers none; the web app bundles this module, so it imports nothing.
 */
export const LONGEST_CHART_RANGE_DAYS = 400;
