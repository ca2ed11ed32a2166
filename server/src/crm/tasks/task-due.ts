/**
 * The due windows of the task list, in the caller's days: overdue (open, due before today, as My
 * day says), today, this week (Monday to Sunday, as in most of the world's calendars), or undated.
 */
import { addDays } from '../reminders/calendar.js';
import { localDate, startOfLocalDay } from '../reminders/time-zone.js';
import type { TaskListFilters } from './task.repo.js';
import type { TaskDueWindow } from './task.schema.js';

export function dueWindow(window: TaskDueWindow, tz: string, now: Date): NonNullable<TaskListFilters['due']> {
  if (window === 'none') return 'none';
  const today = localDate(now, tz);
  const dayStart = (date: string) => startOfLocalDay(date, tz);
  if (window === 'overdue') return { from: null, to: dayStart(today), openOnly: true };
  if (window === 'today') return { from: dayStart(today), to: dayStart(addDays(today, 1)), openOnly: false };
  // 0 for Monday … 6 for Sunday; a plain date's weekday is the same in every zone.
  const sinceMonday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  const monday = addDays(today, -sinceMonday);
  return { from: dayStart(monday), to: dayStart(addDays(monday, 7)), openOnly: false };
}
