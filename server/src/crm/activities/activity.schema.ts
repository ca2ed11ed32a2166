/** Activities on the timeline: API schemas and types (the table is in activity.migrations.ts). */
import { Type, type Static } from 'typebox';
import { DateTime, Nullable, OneOf, PageQuery, Uuid } from '../../platform/http/schemas.js';

export const ACTIVITY_TYPES = ['note', 'task', 'call', 'meeting', 'email', 'system'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
/** What people log by hand; tasks have their own routes and system entries come from events. */
export const LOGGED_TYPES = ['note', 'call', 'meeting', 'email'] as const;
export type LoggedType = (typeof LOGGED_TYPES)[number];

export const MAX_BODY = 100_000;
/** A week: longer than any call or meeting, short enough to catch unit mistakes (seconds for minutes). */
const MAX_DURATION_MINUTES = 10_080;

const Subject = Type.String({ maxLength: 500 });
const Body = Type.String({ maxLength: MAX_BODY });
const InstantInput = Type.String({ format: 'date-time', description: 'ISO 8601 with a time zone, e.g. 2026-03-01T14:30:00Z' });
const Duration = Type.Union([Type.Integer({ minimum: 0, maximum: MAX_DURATION_MINUTES }), Type.Null()]);
const Direction = Type.Union([Type.Literal('in'), Type.Literal('out'), Type.Null()], { description: 'Calls and e-mails only' });
const NullableId = Type.Union([Uuid, Type.Null()]);

export const ActivityInput = Type.Object(
  {
    type: OneOf(LOGGED_TYPES),
    subject: Type.Optional(Subject),
    body: Type.Optional(Body),
    occurredAt: Type.Optional(InstantInput),
    durationMinutes: Type.Optional(Duration),
    direction: Type.Optional(Direction),
    contactId: Type.Optional(NullableId),
    companyId: Type.Optional(NullableId),
  },
  { additionalProperties: false },
);
export type ActivityInput = Static<typeof ActivityInput>;

export const ActivityPatch = Type.Object(
  {
    subject: Type.Optional(Subject),
    body: Type.Optional(Body),
    occurredAt: Type.Optional(InstantInput),
    durationMinutes: Type.Optional(Duration),
    direction: Type.Optional(Direction),
    contactId: Type.Optional(NullableId),
    companyId: Type.Optional(NullableId),
  },
  { additionalProperties: false },
);
export type ActivityPatch = Static<typeof ActivityPatch>;

const NullableString = Nullable(Type.String());
const NullableInstant = Nullable(DateTime);

export const Activity = Type.Object({
  id: Type.String(),
  type: Type.String(),
  contactId: NullableString,
  companyId: NullableString,
  subject: Type.String(),
  body: Type.String(),
  occurredAt: DateTime,
  durationMinutes: Nullable(Type.Integer()),
  direction: NullableString,
  authorId: NullableString,
  authorName: NullableString,
  dueAt: NullableInstant,
  assigneeId: NullableString,
  assigneeName: NullableString,
  doneAt: NullableInstant,
  systemEvent: NullableString,
  data: Type.Record(Type.String(), Type.Unknown()),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export interface Activity {
  id: string;
  type: ActivityType;
  contactId: string | null;
  companyId: string | null;
  subject: string;
  body: string;
  occurredAt: Date;
  durationMinutes: number | null;
  direction: 'in' | 'out' | null;
  authorId: string | null;
  authorName: string | null;
  dueAt: Date | null;
  assigneeId: string | null;
  assigneeName: string | null;
  doneAt: Date | null;
  systemEvent: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

export const ActivityListQuery = Type.Object(
  {
    ...PageQuery,
    contactId: Type.Optional(Uuid),
    companyId: Type.Optional(Uuid),
    type: Type.Optional(Type.Array(OneOf(ACTIVITY_TYPES), { maxItems: ACTIVITY_TYPES.length })),
  },
  { additionalProperties: false },
);
export type ActivityListQuery = Static<typeof ActivityListQuery>;
