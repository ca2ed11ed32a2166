/** The workspace's SLA policy: how soon conversations must be answered and resolved, in business hours. */
import { Type, type Static } from 'typebox';
import { DateTime } from '../platform/http/schemas.js';
import { WEEKDAYS, type BusinessHours } from './business-hours.js';

const Minutes = Type.Union([Type.Integer({ minimum: 1, maximum: 525_600 }), Type.Null()], { description: 'null: no target' });
const Time = Type.String({
  pattern: '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$',
  patternReason: 'must be a time of day as HH:MM, from 00:00 to 24:00',
  description: 'HH:MM',
});
/**
 * An opening window, [start, end]: an array of two rather than a tuple, whose `items: [..]` form is
 * no JSON Schema 2020-12, the dialect of the OpenAPI document (3.1).
 */
const Window = Type.Unsafe<[string, string]>(Type.Array(Time, { minItems: 2, maxItems: 2, description: '[start, end]' }));
const Windows = Type.Array(Window, { maxItems: 10 });

export const BusinessHoursSchema = Type.Object(
  {
    timezone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/Berlin' }),
    days: Type.Object(Object.fromEntries(WEEKDAYS.map((d) => [d, Type.Optional(Windows)])), { additionalProperties: false }),
  },
  { additionalProperties: false },
);

const Targets = Type.Object(
  { firstResponseMinutes: Minutes, nextResponseMinutes: Minutes, resolutionMinutes: Minutes },
  { additionalProperties: false },
);
export interface SlaTargets {
  firstResponseMinutes: number | null;
  nextResponseMinutes: number | null;
  resolutionMinutes: number | null;
}

const TIER_TARGETS = 'Targets for customers of a value tier (e.g. gold); customers of other tiers, or none, get the targets above';

export const SlaPolicyInput = Type.Object(
  {
    firstResponseMinutes: Minutes,
    nextResponseMinutes: Minutes,
    resolutionMinutes: Minutes,
    businessHours: Type.Union([BusinessHoursSchema, Type.Null()], { description: 'null: clocks run around the clock' }),
    tierTargets: Type.Optional(
      Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_-]{0,29}$' }), Targets, {
        maxProperties: 10,
        // A key that is no tier's name was stored as it came, and the policy could no longer be read (500).
        additionalProperties: false,
        description: `${TIER_TARGETS}. Left out: kept as they are`,
      }),
    ),
  },
  { additionalProperties: false },
);
export type SlaPolicyInput = Static<typeof SlaPolicyInput>;

export const SlaPolicy = Type.Object({
  firstResponseMinutes: Type.Union([Type.Integer(), Type.Null()]),
  nextResponseMinutes: Type.Union([Type.Integer(), Type.Null()]),
  resolutionMinutes: Type.Union([Type.Integer(), Type.Null()]),
  businessHours: Type.Union([BusinessHoursSchema, Type.Null()]),
  tierTargets: Type.Record(
    Type.String({ description: TIER_TARGETS }),
    Type.Object({
      firstResponseMinutes: Type.Union([Type.Integer(), Type.Null()]),
      nextResponseMinutes: Type.Union([Type.Integer(), Type.Null()]),
      resolutionMinutes: Type.Union([Type.Integer(), Type.Null()]),
    }),
  ),
  updatedAt: Type.Union([DateTime, Type.Null()]),
});
export interface SlaPolicy extends SlaTargets {
  businessHours: BusinessHours | null;
  tierTargets: Record<string, SlaTargets>;
  updatedAt: Date | null;
}
