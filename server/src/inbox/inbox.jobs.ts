/**
 * The inbox's recurring timers, run by the durable job runner: both sweeps are idempotent (a
 * breach is recorded once per clock and due time; a woken conversation is no longer snoozed).
 */
import { Type } from 'typebox';
import { defineJob } from '../platform/jobs/job.js';
import { reportBreaches, wakeSnoozedConversations } from './sla.service.js';

const NoPayload = Type.Object({}, { additionalProperties: false });

export const slaBreachJob = defineJob({
  name: 'inbox.sla-breaches',
  payload: NoPayload,
  everyMs: 60_000,
  handler: async ({ db, now }) => {
    await reportBreaches(db, now);
  },
});

export const wakeSnoozedJob = defineJob({
  name: 'inbox.wake-snoozed',
  payload: NoPayload,
  everyMs: 60_000,
  handler: async ({ db, now }) => {
    await wakeSnoozedConversations(db, now);
  },
});

export const inboxJobs = [slaBreachJob, wakeSnoozedJob];
