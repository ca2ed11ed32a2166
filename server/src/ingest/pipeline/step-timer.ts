/**
 * Where a batch's time goes: milliseconds per pipeline step, measured as laps (each lap ends one
 * step and starts the next), so the steps add up to the batch's time in its transaction. The app
 * logs them at debug level; the ingest benchmark sums them to find the slow step.
 */
export type StepTimings = Record<string, number>;

export interface StepTimer {
  /** Ends the step running since the last lap, charging its time to `step`. */
  lap(step: string): void;
  readonly timings: StepTimings;
}

export function startStepTimer(): StepTimer {
  const timings: StepTimings = {};
  let last = performance.now();
  return {
    lap(step) {
      const now = performance.now();
      timings[step] = (timings[step] ?? 0) + (now - last);
      last = now;
    },
    timings,
  };
}
