/** The recurring alert check: every active alert is looked at every few minutes. */
import { Type } from 'typebox';
import type { Config } from '../../platform/config/config.js';
import { defineJob } from '../../platform/jobs/job.js';
import { alertsDue } from './alert.repo.js';
import { checkAlert } from './alert-check.js';

export const CHECK_EVERY_MS = 5 * 60_000;
const PER_RUN = 500;

export function alertJobs(config: Config) {
  return [
    defineJob({
      name: 'listening.check-alerts',
      payload: Type.Object({}, { additionalProperties: false }),
      everyMs: CHECK_EVERY_MS,
      handler: async ({ db, now, log }) => {
        // Alerts checked less than a minute ago are left for the next run (several servers may run this job).
        for (const due of await alertsDue(db, new Date(now.getTime() - CHECK_EVERY_MS + 60_000), PER_RUN)) {
          try {
            await checkAlert(db, config, due.workspaceId, due.id, now);
          } catch (error) {
            log.warn({ err: error, alertId: due.id }, 'alert check failed; tried again on the next run');
          }
        }
      },
    }),
  ];
}
