/** Assembles My day for the signed-in member. */
import type { Ctx } from '../../platform/context.js';
import { invalid } from '../../platform/http/errors.js';
import { listMyNotifications } from '../../platform/notifications/notification.service.js';
import { openTasksDue } from '../tasks/task.repo.js';
import { addDays, monthDaysWithin } from './calendar.js';
import { upcomingDates } from './important-dates.js';
import { visibleContactsWithDatesOn } from './reminder.repo.js';
import { isTimeZone, localDate, startOfLocalDay } from './time-zone.js';

const UPCOMING_TASK_DAYS = 7;
const UPCOMING_DATE_DAYS = 30;
/** Enough for a day's work; the task list pages through the rest. */
const MAX_PER_GROUP = 100;

export async function myDay(ctx: Ctx, tz: string, now = new Date()) {
  if (!isTimeZone(tz)) throw invalid([{ field: 'tz', reason: 'is not a time zone; use an IANA name such as Europe/Berlin' }]);
  const me = ctx.actor.userId;
  const today = localDate(now, tz);
  const dayStart = (offset: number) => startOfLocalDay(addDays(today, offset), tz);
  const [startToday, startTomorrow, endUpcoming] = [dayStart(0), dayStart(1), dayStart(1 + UPCOMING_TASK_DAYS)];
  const tasks = (from: Date | null, to: Date | null) => (me ? openTasksDue(ctx, me, { from, to }, MAX_PER_GROUP) : Promise.resolve([]));
  const [overdue, dueToday, upcoming, contacts, notifications] = await Promise.all([
    tasks(null, startToday),
    tasks(startToday, startTomorrow),
    tasks(startTomorrow, endUpcoming),
    visibleContactsWithDatesOn(ctx, monthDaysWithin(today, UPCOMING_DATE_DAYS)),
    listMyNotifications(ctx, true, 1),
  ]);
  return {
    overdue,
    today: dueToday,
    upcoming,
    dates: upcomingDates(contacts, today, UPCOMING_DATE_DAYS).slice(0, MAX_PER_GROUP),
    notifications: notifications.unread,
  };
}
