/** Dead letters as the API shows them: what the pipeline refused, why, and whether a replay took it. */
import { Type, type Static } from 'typebox';
import { DateTime, OneOf, PageQuery, Uuid } from '../../platform/http/schemas.js';

export const DEAD_LETTER_SOURCES = ['poll', 'webhook', 'file', 'stream', 'replay'] as const;

const NullableString = Type.Union([Type.String(), Type.Null()]);

const deadLetterFields = {
  id: Type.String(),
  channelId: NullableString,
  source: OneOf(DEAD_LETTER_SOURCES),
  format: Type.Union([Type.String(), Type.Null()], {
    description: 'The format the payload is in; null when the payload is a normalised message (JSON) the pipeline refused',
  }),
  code: Type.String({ description: 'malformed, invalid, too-large or empty' }),
  reason: Type.String(),
  payloadTruncated: Type.Boolean({ description: 'The payload was cut to 64 KiB; a replay then reads only what was kept' }),
  occurredAt: Type.Unsafe<Date | string>({ type: 'string', format: 'date-time', description: 'When it first arrived' }),
  lastSeenAt: Type.Unsafe<Date | string>({
    type: 'string',
    format: 'date-time',
    description: 'When it last arrived; the list is newest first by it',
  }),
  occurrences: Type.Integer({
    description: 'How many times it arrived: a retried delivery or a feed read again counts here, not as a new one',
  }),
  replayedAt: Type.Union([DateTime, Type.Null()]),
  replayCount: Type.Integer(),
  resolved: Type.Boolean({ description: 'A replay ingested it' }),
};

export const DeadLetter = Type.Object(deadLetterFields);
export const DeadLetterDetail = Type.Object({ ...deadLetterFields, payload: Type.String() });

export interface DeadLetter {
  id: string;
  channelId: string | null;
  source: (typeof DEAD_LETTER_SOURCES)[number];
  format: string | null;
  code: string;
  reason: string;
  payloadTruncated: boolean;
  occurredAt: Date;
  lastSeenAt: Date;
  occurrences: number;
  replayedAt: Date | null;
  replayCount: number;
  resolved: boolean;
}

export interface DeadLetterDetail extends DeadLetter {
  payload: string;
}

export const DeadLetterListQuery = Type.Object(
  {
    ...PageQuery,
    channelId: Type.Optional(Uuid),
    code: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    resolved: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type DeadLetterListQuery = Static<typeof DeadLetterListQuery>;
