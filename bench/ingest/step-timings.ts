/**
 * The app's logger for the ingest benchmark: warnings and errors go to stdout as `rapport serve`
 * writes them, and the pipeline's per-batch step timings (logged at debug level) are summed, so a
 * run says which step its time went to.
 */
import { pino } from 'pino';
import type { Logger } from '../../server/src/platform/observability/logger.js';
import { REDACTED_PATHS } from '../../server/src/platform/observability/logger.js';
import { QUEUED_STEP } from '../../server/src/ingest/pipeline/ingest-batch.js';

const STEP_TIMINGS_MESSAGE = 'ingest batch committed (milliseconds per step)';
const WARN = 40;

export interface StepTotals {
  batches: number;
  /** Milliseconds per step, summed over batches (concurrent batches overlap, so the sum exceeds wall time). */
  ms: Record<string, number>;
}

export function stepTimingLogger(): { logger: Logger; totals: StepTotals; reset(): void } {
  const totals: StepTotals = { batches: 0, ms: {} };
  const logger = pino(
    { level: 'debug', redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    {
      write(line: string) {
        const entry = JSON.parse(line) as { level: number; msg?: string; steps?: Record<string, number> };
        if (entry.msg === STEP_TIMINGS_MESSAGE && entry.steps) {
          totals.batches++;
          for (const [step, ms] of Object.entries(entry.steps)) totals.ms[step] = (totals.ms[step] ?? 0) + ms;
        } else if (entry.level >= WARN) {
          process.stdout.write(line);
        }
      },
    },
  );
  return {
    logger,
    totals,
    reset() {
      totals.batches = 0;
      totals.ms = {};
    },
  };
}

/** "insert-identities 41 % (12.3 s), …", largest first; the time batches waited for the one ahead is work of none, so it is told apart. */
export function describeStepTotals(totals: StepTotals): string {
  const work = Object.entries(totals.ms).filter(([step]) => step !== QUEUED_STEP);
  const all = work.reduce((sum, [, ms]) => sum + ms, 0);
  const shares = work
    .sort((a, b) => b[1] - a[1])
    .map(([step, ms]) => `${step} ${((100 * ms) / all).toFixed(0)} % (${(ms / 1000).toFixed(1)} s)`)
    .join(', ');
  const queued = totals.ms[QUEUED_STEP];
  return queued === undefined ? shares : `${shares}; read ahead, then queued for the commit: ${(queued / 1000).toFixed(1)} s`;
}
