/** The relationship memory panel: what a contact wants and had trouble with, their conversations, mood and rhythm. */
import { Type } from 'typebox';
import { DateOnly, DateTime } from '../platform/http/schemas.js';
import { ContactScore } from './score.schema.js';

const NullableString = Type.Union([Type.String(), Type.Null()]);

export const RelationshipMemory = Type.Object({
  wants: Type.Array(Type.Object({ text: Type.String(), intent: Type.String(), conversationId: Type.String(), at: DateTime })),
  troubles: Type.Array(
    Type.Object({
      text: Type.String(),
      conversationId: Type.String(),
      at: DateTime,
      resolved: Type.Boolean({ description: 'The conversation was resolved after this message' }),
    }),
  ),
  openConversations: Type.Array(
    Type.Object({ id: Type.String(), subject: Type.String(), status: Type.String(), network: Type.String(), lastMessageAt: DateTime }),
  ),
  pastConversations: Type.Array(
    Type.Object({
      id: Type.String(),
      subject: Type.String(),
      status: Type.String(),
      network: Type.String(),
      closedAt: Type.Union([DateTime, Type.Null()]),
    }),
  ),
  sentimentTrend: Type.Array(
    Type.Object({
      month: Type.String({ pattern: '^\\d{4}-\\d{2}$' }),
      average: Type.Number({ description: 'Mean sentiment score, -1 to 1' }),
      count: Type.Integer(),
    }),
  ),
  preferredChannel: Type.Union([Type.Object({ network: Type.String(), share: Type.Number({ minimum: 0, maximum: 1 }) }), Type.Null()]),
  lastInteraction: Type.Union([Type.Object({ at: DateTime, kind: Type.String(), network: NullableString }), Type.Null()]),
  nextInteraction: Type.Union([
    Type.Object({
      at: Type.String({ description: 'When a task is due (ISO 8601), or the date (YYYY-MM-DD) of an important date' }),
      title: Type.String(),
      kind: Type.Union([Type.Literal('task'), Type.Literal('date')]),
    }),
    Type.Null(),
  ]),
  upcomingDates: Type.Array(Type.Object({ label: Type.String(), date: DateOnly, daysAway: Type.Integer() })),
});

export const Relationship = Type.Object({
  memory: RelationshipMemory,
  score: Type.Union([ContactScore, Type.Null()], { description: 'null until the contact is first scored' }),
});
