/** Tasks: timeline entries of type 'task' with a due date and an assignee. API schemas and types. */
import { Type, type Static } from 'typebox';
import { DateTime, Nullable, OneOf, PageQuery, Uuid } from '../../platform/http/schemas.js';
import { MAX_BODY } from '../activities/activity.schema.js';

const Title = Type.String({ minLength: 1, maxLength: 500 });
const Notes = Type.String({ maxLength: MAX_BODY });
const DueAt = Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
  description: 'ISO 8601 with a time zone; null for no due date',
});
const NullableId = Type.Union([Uuid, Type.Null()]);

export const TaskInput = Type.Object(
  {
    title: Title,
    notes: Type.Optional(Notes),
    dueAt: Type.Optional(DueAt),
    assigneeId: Type.Optional(Type.Union([Uuid, Type.Null()], { description: 'A member; left out: yourself; null: nobody yet' })),
    contactId: Type.Optional(NullableId),
    companyId: Type.Optional(NullableId),
  },
  { additionalProperties: false },
);
export type TaskInput = Static<typeof TaskInput>;

export const TaskPatch = Type.Object(
  {
    title: Type.Optional(Title),
    notes: Type.Optional(Notes),
    dueAt: Type.Optional(DueAt),
    assigneeId: Type.Optional(NullableId),
    done: Type.Optional(Type.Boolean()),
    contactId: Type.Optional(NullableId),
    companyId: Type.Optional(NullableId),
  },
  { additionalProperties: false },
);
export type TaskPatch = Static<typeof TaskPatch>;

const NullableString = Nullable(Type.String());

export const Task = Type.Object({
  id: Type.String(),
  title: Type.String(),
  notes: Type.String(),
  dueAt: Nullable(DateTime),
  assigneeId: NullableString,
  assigneeName: NullableString,
  contactId: NullableString,
  contactName: NullableString,
  companyId: NullableString,
  companyName: NullableString,
  done: Type.Boolean(),
  doneAt: Nullable(DateTime),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export interface Task {
  id: string;
  title: string;
  notes: string;
  dueAt: Date | null;
  assigneeId: string | null;
  assigneeName: string | null;
  contactId: string | null;
  contactName: string | null;
  companyId: string | null;
  companyName: string | null;
  done: boolean;
  doneAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const TASK_STATUSES = ['open', 'done', 'all'] as const;
/** Due windows, by the days of the caller's time zone; `thisWeek` runs Monday to Sunday. */
export const TASK_DUE_WINDOWS = ['overdue', 'today', 'thisWeek', 'none'] as const;
export type TaskDueWindow = (typeof TASK_DUE_WINDOWS)[number];
export const TASK_SORTS = ['dueAt', '-dueAt', 'createdAt', '-createdAt', 'doneAt', '-doneAt'] as const;
export type TaskSort = (typeof TASK_SORTS)[number];

export const TaskListQuery = Type.Object(
  {
    ...PageQuery,
    assigneeId: Type.Optional(
      Type.Union([Uuid, Type.Literal('me'), Type.Literal('unassigned')], {
        description: 'A member; me: the caller; unassigned: tasks nobody was given. Left out: anyone',
      }),
    ),
    contactId: Type.Optional(Uuid),
    /** The company's own tasks and its contacts' tasks. */
    companyId: Type.Optional(Uuid),
    status: Type.Optional(OneOf(TASK_STATUSES, { description: 'Default open' })),
    due: Type.Optional(
      OneOf(TASK_DUE_WINDOWS, {
        description:
          'overdue: open and due before today (as My day says); today; thisWeek: Monday to Sunday; none: no due date. Days in tz',
      }),
    ),
    tz: Type.Optional(
      Type.String({
        maxLength: 64,
        description: 'IANA time zone that decides where the days of `due` begin, e.g. Europe/Berlin; default UTC',
      }),
    ),
    dueBefore: Type.Optional(Type.String({ format: 'date-time' })),
    dueAfter: Type.Optional(Type.String({ format: 'date-time' })),
    sort: Type.Optional(
      OneOf(TASK_SORTS, {
        description:
          'Default -doneAt (recently completed first) for status=done, else dueAt. Tasks without a due date, or not done, sort last either way',
      }),
    ),
  },
  { additionalProperties: false },
);
export type TaskListQuery = Static<typeof TaskListQuery>;
