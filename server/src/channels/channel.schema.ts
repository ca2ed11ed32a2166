/** Channels over HTTP: what admins send to configure one, and the allow-listed shape they get back. */
import { Type, type Static } from 'typebox';
import { DateTime, OneOf, PageQuery, Uuid } from '../platform/http/schemas.js';
import { CHANNEL_KINDS, type ChannelKind } from './message.schema.js';
import { CONNECTOR_ERROR_CODES } from './connector.js';

export const CHANNEL_STATUSES = ['active', 'paused'] as const;
export type ChannelStatus = (typeof CHANNEL_STATUSES)[number];
export const HEALTH_STATES = ['ok', 'failing', 'paused', 'new'] as const;
export type HealthState = (typeof HEALTH_STATES)[number];

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Settings = Type.Record(Type.String(), Type.Unknown(), { description: "Settings per the kind's connector" });
const Secrets = Type.Record(Type.String(), Type.Unknown(), {
  description: "Tokens and passwords per the kind's connector; stored sealed and never returned",
});

export const CHANNEL_PURPOSES = ['inbox', 'listening'] as const;
export type ChannelPurpose = (typeof CHANNEL_PURPOSES)[number];
const Purpose = OneOf(CHANNEL_PURPOSES, {
  description: 'inbox (default): conversations go to the inbox; listening: messages feed mentions and stay out of the inbox until acted on',
});

export const ChannelInput = Type.Object(
  {
    kind: OneOf(CHANNEL_KINDS),
    name: Name,
    config: Type.Optional(Settings),
    credentials: Type.Optional(Secrets),
    teamId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    purpose: Type.Optional(Purpose),
    status: Type.Optional(OneOf(CHANNEL_STATUSES, { description: 'Default active' })),
  },
  { additionalProperties: false },
);
export type ChannelInput = Static<typeof ChannelInput>;

export const ChannelPatch = Type.Object(
  {
    name: Type.Optional(Name),
    config: Type.Optional(Settings),
    credentials: Type.Optional(
      Type.Union([Secrets, Type.Null()], {
        description: 'Secrets to change: each one sent replaces the stored one, a null removes it, the others are kept; null removes all',
      }),
    ),
    teamId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    purpose: Type.Optional(Purpose),
  },
  { additionalProperties: false },
);
export type ChannelPatch = Static<typeof ChannelPatch>;

const NullableTime = Type.Union([DateTime, Type.Null()]);

/** Why a channel failed (its connector's codes), or why a delivery to it was refused: those, or `channel_paused`. */
const CHANNEL_ERROR_CODES = [...CONNECTOR_ERROR_CODES, 'channel_paused'] as const;

export const ChannelError = Type.Object({ at: DateTime, code: OneOf(CHANNEL_ERROR_CODES), message: Type.String() });
export interface ChannelError {
  at: string;
  code: (typeof CHANNEL_ERROR_CODES)[number];
  message: string;
}

export const ChannelHealth = Type.Object({
  state: OneOf(HEALTH_STATES),
  lastSuccessAt: NullableTime,
  lastItemAt: NullableTime,
  lastErrorAt: NullableTime,
  lagSeconds: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Seconds since the last successful sync; null before the first, and for channels that only receive webhooks',
  }),
  errorCount: Type.Integer(),
  recentErrors: Type.Array(ChannelError, { description: 'Newest first, at most 20' }),
  itemsIn: Type.Integer(),
  itemsOut: Type.Integer(),
  nextPollAt: NullableTime,
  refusedDeliveries: Type.Object(
    {
      count: Type.Integer(),
      lastAt: NullableTime,
      recent: Type.Array(ChannelError, { description: 'Newest first, at most 20' }),
    },
    {
      description:
        'Webhook deliveries refused as unsigned or wrongly signed (anyone can call the URL), or held back while the channel was paused (code channel_paused: the sender delivers them again); they do not change the health state',
    },
  ),
});

export const StoredCredentials = Type.Object({
  readable: Type.Boolean({
    description: 'False when the secrets were sealed under another server secret (RAPPORT_SECRET changed): enter them again',
  }),
  names: Type.Array(Type.String(), { description: 'Which secrets are stored, never their values' }),
  shown: Type.Record(Type.String(), Type.String(), {
    description: 'Stored values that are not secret (an e-mail user name), for admins to see and keep when editing',
  }),
});

export const Channel = Type.Object({
  id: Type.String(),
  kind: OneOf(CHANNEL_KINDS),
  name: Type.String(),
  config: Type.Record(Type.String(), Type.Unknown()),
  hasCredentials: Type.Boolean(),
  storedCredentials: StoredCredentials,
  status: OneOf(CHANNEL_STATUSES),
  teamId: Type.Union([Type.String(), Type.Null()]),
  purpose: Purpose,
  health: ChannelHealth,
  createdAt: DateTime,
  updatedAt: DateTime,
});
export interface Channel {
  id: string;
  kind: ChannelKind;
  name: string;
  config: Record<string, unknown>;
  hasCredentials: boolean;
  storedCredentials: Static<typeof StoredCredentials>;
  status: ChannelStatus;
  teamId: string | null;
  purpose: ChannelPurpose;
  health: Static<typeof ChannelHealth> & { state: HealthState };
  createdAt: Date;
  updatedAt: Date;
}

export const ChannelListQuery = Type.Object(
  {
    ...PageQuery,
    kind: Type.Optional(OneOf(CHANNEL_KINDS)),
    status: Type.Optional(OneOf(CHANNEL_STATUSES)),
  },
  { additionalProperties: false },
);
export type ChannelListQuery = Static<typeof ChannelListQuery>;

export const ChannelTestResult = Type.Object({
  ok: Type.Boolean(),
  message: Type.String(),
  code: Type.Union([OneOf(CONNECTOR_ERROR_CODES), Type.Null()], { description: 'Why the test failed; null when it passed' }),
});
