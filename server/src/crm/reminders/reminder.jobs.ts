/**
 * Recurring reminder sweeps, run by the durable job runner (rows in `jobs`, so a restart loses
 * nothing: the next sweep finds whatever fell due meanwhile). Both are idempotent: notifications
 * carry dedupe keys, so a sweep repeated after a crash notifies nobody twice.
 */
import { Type } from 'typebox';
import { defineJob, type JobContext } from '../../platform/jobs/job.js';
import { notify } from '../../platform/notifications/notification.service.js';
import { addDays, monthDaysWithin } from './calendar.js';
import { remindersOn } from './important-dates.js';
import * as repo from './reminder.repo.js';

const BATCH = 200;
/** Bounds one sweep; whatever is left waits a minute for the next. */
const MAX_BATCHES = 50;

async function remindDueTasks({ db, now }: JobContext): Promise<void> {
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const tasks = await repo.dueTasks(db, now, BATCH);
    for (const task of tasks) {
      if (task.assigneeId && task.assigneeIsMember) {
        await notify(db, {
          workspaceId: task.workspaceId,
          userId: task.assigneeId,
          kind: 'task.due',
          title: `Task due: ${task.title}`,
          body: task.contactName ? `About ${task.contactName}` : '',
          subjectType: 'task',
          subjectId: task.id,
          dedupeKey: `task:${task.id}:${new Date(task.dueAt).toISOString()}`,
        });
      }
      await repo.markReminded(db, task, now);
    }
    if (tasks.length < BATCH) return;
  }
}

/** Important dates are plain dates, so "today" is the UTC date; each owner is told on the day. */
async function remindImportantDates({ db, now }: JobContext): Promise<void> {
  const today = now.toISOString().slice(0, 10);
  const weekAhead = addDays(today, 7);
  const monthDays = [...monthDaysWithin(today, 0), ...monthDaysWithin(weekAhead, 0)];
  for (const contact of await repo.ownedContactsWithDatesOn(db, monthDays)) {
    for (const reminder of remindersOn(contact, today)) {
      await notify(db, {
        workspaceId: contact.workspaceId,
        userId: contact.ownerId!,
        kind: 'contact.important_date',
        title: reminder.title,
        subjectType: 'contact',
        subjectId: contact.id,
        dedupeKey: reminder.dedupeKey,
      });
    }
  }
}

const NoPayload = Type.Object({}, { additionalProperties: false });

export const dueTaskRemindersJob = defineJob({
  name: 'crm.reminders.due-tasks',
  payload: NoPayload,
  everyMs: 60_000,
  handler: remindDueTasks,
});

export const importantDateRemindersJob = defineJob({
  name: 'crm.reminders.important-dates',
  payload: NoPayload,
  everyMs: 3_600_000,
  handler: remindImportantDates,
});

export const reminderJobs = [dueTaskRemindersJob, importantDateRemindersJob];
