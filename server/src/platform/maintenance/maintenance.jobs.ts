/** The recurring upkeep job; see maintenance.service.ts for what it does. */
import { Type } from 'typebox';
import { defineJob } from '../jobs/job.js';
import { runMaintenance } from './maintenance.service.js';

/** Often enough that a table vacuumed one at a time keeps up with an ingest, rarely enough to cost nothing. */
const EVERY_MS = 10 * 60_000;

export const maintenanceJob = defineJob({
  name: 'platform.maintenance',
  payload: Type.Object({}, { additionalProperties: false }),
  everyMs: EVERY_MS,
  handler: async ({ db, now, log }) => {
    await runMaintenance(db, now, log);
  },
});
