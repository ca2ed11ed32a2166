/** The customer 360 timeline: one list of everything that passed between a contact (or company) and the business. */
import { Type, type Static } from 'typebox';
import { DateTime, OneOf } from '../platform/http/schemas.js';

export const ACTIVITY_KINDS = ['note', 'call', 'meeting', 'email', 'task', 'system'] as const;
export const TIMELINE_KINDS = [...ACTIVITY_KINDS, 'message', 'mention'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

const KIND = TIMELINE_KINDS.join('|');

export const TimelineQuery = Type.Object(
  {
    kinds: Type.Optional(
      Type.String({
        pattern: `^(${KIND})(,(${KIND}))*$`,
        patternReason: `must be one or more of ${TIMELINE_KINDS.join(', ')}, separated by commas without spaces`,
        maxLength: 200,
        description: `Comma-separated, any of ${TIMELINE_KINDS.join(', ')}`,
      }),
    ),
    network: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'Only messages and mentions on this network' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type TimelineQuery = Static<typeof TimelineQuery>;

const NullableString = Type.Union([Type.String(), Type.Null()]);

export const TaskState = Type.Object({
  dueAt: Type.Union([DateTime, Type.Null()]),
  doneAt: Type.Union([DateTime, Type.Null()], { description: 'null while the task is open' }),
  assigneeId: NullableString,
  assigneeName: NullableString,
});

export const TimelineItem = Type.Object({
  id: Type.String({ description: 'The activity’s id, or the message’s (for messages and mentions)' }),
  kind: OneOf(TIMELINE_KINDS),
  occurredAt: DateTime,
  title: Type.String(),
  body: Type.String({
    description:
      'Activities (notes, calls, meetings, tasks, logged e-mails): the whole text as written. Messages and mentions: a plain-text preview',
  }),
  network: NullableString,
  direction: Type.Union([Type.Literal('in'), Type.Literal('out'), Type.Null()]),
  conversationId: NullableString,
  sentiment: Type.Union([Type.Literal('positive'), Type.Literal('negative'), Type.Literal('neutral'), Type.Null()]),
  author: NullableString,
  task: Type.Union([TaskState, Type.Null()], { description: 'For a task: when it is due, whether it is done, who has it; null otherwise' }),
  durationMinutes: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
    description: 'How long a call or meeting lasted, when logged',
  }),
  authorId: Type.Union([Type.String(), Type.Null()], {
    description: 'The member who wrote an activity or sent a message; null for customers and automation',
  }),
  isMention: Type.Boolean({
    description:
      'True for a mention, and for a message of the contact’s conversations that listening heard (shown once, as the message, and found by both the message and the mention filter)',
  }),
});
export interface TaskState {
  dueAt: string | null;
  doneAt: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
}
export interface TimelineItem {
  id: string;
  kind: TimelineKind;
  occurredAt: Date;
  title: string;
  body: string;
  network: string | null;
  direction: 'in' | 'out' | null;
  conversationId: string | null;
  sentiment: 'positive' | 'negative' | 'neutral' | null;
  author: string | null;
  task: TaskState | null;
  durationMinutes: number | null;
  authorId: string | null;
  isMention: boolean;
}

export const Timeline = Type.Object({
  data: Type.Array(TimelineItem),
  nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as `cursor` for older items; null at the end' }),
});
