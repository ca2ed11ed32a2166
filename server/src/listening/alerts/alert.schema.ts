/** Listening alerts: what is watched, what counts as a spike, and where the alert goes. */
import { Type, type Static } from 'typebox';
import { DateTime, OneOf, PageQuery, Uuid } from '../../platform/http/schemas.js';
import { QUERY_KINDS, type QueryKind } from '../saved-queries/saved-query.schema.js';

export const TRIGGERS = ['volume', 'negative', 'keyword'] as const;
export type Trigger = (typeof TRIGGERS)[number];

const fields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  queryId: Type.Union([Uuid, Type.Null()], { description: 'One query; or null with queryKind for a whole group' }),
  queryKind: Type.Union([OneOf(QUERY_KINDS), Type.Null()]),
  trigger: OneOf(TRIGGERS, {
    description: 'volume or negative: a spike against the seasonal baseline; keyword: mentions containing a word',
  }),
  keyword: Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()]),
  sensitivity: Type.Number({ minimum: 1, maximum: 10, description: 'Spreads above the expected count (3 is a good start)' }),
  minMentions: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  cooldownMinutes: Type.Integer({ minimum: 5, maximum: 10_080 }),
  notifyInApp: Type.Boolean(),
  notifyEmails: Type.Array(Type.String({ format: 'email', maxLength: 320 }), { maxItems: 20 }),
  webhookUrl: Type.Union([
    Type.String({ format: 'uri', maxLength: 2_000, pattern: '^https?://', patternReason: 'must start with http:// or https://' }),
    Type.Null(),
  ]),
  allowPrivateNetwork: Type.Boolean({ description: 'Admins only: let the webhook reach a local-network address' }),
  isActive: Type.Boolean(),
};

export const AlertInput = Type.Object(
  {
    name: fields.name,
    queryId: Type.Optional(fields.queryId),
    queryKind: Type.Optional(fields.queryKind),
    trigger: fields.trigger,
    keyword: Type.Optional(fields.keyword),
    sensitivity: Type.Optional(fields.sensitivity),
    minMentions: Type.Optional(fields.minMentions),
    cooldownMinutes: Type.Optional(fields.cooldownMinutes),
    notifyInApp: Type.Optional(fields.notifyInApp),
    notifyEmails: Type.Optional(fields.notifyEmails),
    webhookUrl: Type.Optional(fields.webhookUrl),
    allowPrivateNetwork: Type.Optional(fields.allowPrivateNetwork),
    isActive: Type.Optional(fields.isActive),
  },
  { additionalProperties: false },
);
export type AlertInput = Static<typeof AlertInput>;

export const AlertPatch = Type.Object(
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Type.Optional(v)])) as {
    [K in keyof typeof fields]: ReturnType<typeof Type.Optional<(typeof fields)[K]>>;
  },
  { additionalProperties: false },
);
export type AlertPatch = Static<typeof AlertPatch>;

export const Alert = Type.Object({
  id: Type.String(),
  ...fields,
  lastFiredAt: Type.Union([DateTime, Type.Null()]),
  awaitingHistoryOf: Type.Array(Type.String(), {
    description:
      'Spike alerts: the watched queries whose stored history is still being matched; the alert does not fire until they are (at most 6 hours after a query changed)',
  }),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export interface AlertRow {
  id: string;
  name: string;
  queryId: string | null;
  queryKind: QueryKind | null;
  trigger: Trigger;
  keyword: string | null;
  sensitivity: number;
  minMentions: number;
  cooldownMinutes: number;
  notifyInApp: boolean;
  notifyEmails: string[];
  webhookUrl: string | null;
  allowPrivateNetwork: boolean;
  isActive: boolean;
  lastCheckedAt: Date | null;
  /** A keyword alert has counted the mentions stored before this (null: none since it was created). */
  countedUntil: Date | null;
  lastFiredAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const AlertFiring = Type.Object({
  id: Type.String(),
  alertId: Type.String(),
  alertName: Type.String(),
  firedAt: DateTime,
  windowStart: DateTime,
  windowEnd: DateTime,
  expected: Type.Number(),
  observed: Type.Number(),
  reason: Type.String(),
  deliveries: Type.Array(Type.Object({ channel: Type.String(), ok: Type.Boolean(), detail: Type.String() })),
});
export type AlertFiring = Static<typeof AlertFiring>;

export const AlertHistoryQuery = Type.Object({ alertId: Type.Optional(Uuid), ...PageQuery }, { additionalProperties: false });
export type AlertHistoryQuery = Static<typeof AlertHistoryQuery>;
