/** My day: a member's tasks by due day, dates coming up and unread notifications. */
import { Type } from 'typebox';
import { Task } from '../tasks/task.schema.js';

export const MyDayQuery = Type.Object(
  {
    tz: Type.Optional(
      Type.String({ maxLength: 64, description: 'IANA time zone that decides where days begin, e.g. Europe/Berlin; default UTC' }),
    ),
  },
  { additionalProperties: false },
);

export const UpcomingDate = Type.Object({
  contactId: Type.String(),
  contactName: Type.String(),
  kind: Type.String(),
  label: Type.Union([Type.String(), Type.Null()]),
  date: Type.String({ description: 'The stored date, YYYY-MM-DD' }),
  nextOccurrence: Type.String({ description: 'Its next yearly occurrence, YYYY-MM-DD (29 February falls on the 28th in other years)' }),
  daysAway: Type.Integer(),
});

export const MyDay = Type.Object({
  overdue: Type.Array(Task, { description: 'My open tasks due before today' }),
  today: Type.Array(Task, { description: 'My open tasks due today' }),
  upcoming: Type.Array(Task, { description: 'My open tasks due in the next 7 days' }),
  dates: Type.Array(UpcomingDate, { description: 'Important dates of contacts I may see, in the next 30 days' }),
  notifications: Type.Integer({ description: 'My unread notifications' }),
});
