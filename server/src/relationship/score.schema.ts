/** API shapes of contact scores and of the workspace's scoring settings. */
import { Type, type Static } from 'typebox';
import { DateTime, OneOf } from '../platform/http/schemas.js';
import { TIER_LIMIT_CODES, type Component, type HealthReason, type ScoringSettings, type TierLimit } from './scoring.js';

const Weight = Type.Number({ minimum: 0, maximum: 100 });
const Part = Type.Union([Type.Integer(), Type.Null()]);

export const Weights = Type.Object(
  { recency: Weight, frequency: Weight, monetary: Weight, engagement: Weight, influence: Weight },
  { additionalProperties: false, description: 'Relative weights of the value components; 0 leaves one out' },
);

export const TierInput = Type.Object(
  {
    name: Type.String({
      pattern: '^[a-z][a-z0-9_-]{0,29}$',
      patternReason: 'must start with a lower-case letter and hold only lower-case letters, digits, _ and - (at most 30 characters)',
      description: 'Lower case, used in routing rules and SLA targets',
    }),
    minScore: Type.Integer({ minimum: 0, maximum: 100 }),
  },
  { additionalProperties: false },
);

export const RelationshipSettingsInput = Type.Object(
  {
    weights: Weights,
    monetaryField: Type.Union(
      [
        Type.String({
          pattern: '^[a-z][a-z0-9_]{0,62}$',
          patternReason: 'must be a custom field key: a lower-case letter, then lower-case letters, digits and _ (at most 63 characters)',
        }),
        Type.Null(),
      ],
      {
        description: 'Key of a numeric contact custom field; its percentile is the monetary component. null: not used',
      },
    ),
    tiers: Type.Array(TierInput, {
      minItems: 1,
      maxItems: 10,
      description: 'A contact gets the tier with the highest minScore its value score reaches; one tier must start at 0',
    }),
    quietDays: Type.Integer({ minimum: 1, maximum: 3650, description: 'Days without contact after which health drops' }),
  },
  { additionalProperties: false },
);
export type RelationshipSettingsInput = Static<typeof RelationshipSettingsInput>;

export const RelationshipSettings = Type.Object({
  weights: Type.Object({
    recency: Type.Number(),
    frequency: Type.Number(),
    monetary: Type.Number(),
    engagement: Type.Number(),
    influence: Type.Number(),
  }),
  monetaryField: Type.Union([Type.String(), Type.Null()]),
  tiers: Type.Array(Type.Object({ name: Type.String(), minScore: Type.Integer() })),
  quietDays: Type.Integer(),
  updatedAt: Type.Union([DateTime, Type.Null()], { description: 'null: the defaults, never changed' }),
});
export interface RelationshipSettings extends ScoringSettings {
  updatedAt: Date | null;
}

export const ContactScore = Type.Object({
  valueScore: Type.Integer({ minimum: 0, maximum: 100 }),
  tier: Type.String(),
  tierLimit: Type.Union([Type.Object({ code: OneOf(TIER_LIMIT_CODES), text: Type.String() }), Type.Null()], {
    description: 'Why the contact is held in the lowest tier whatever its value score; null when the tier is the one the score reaches',
  }),
  health: Type.Integer({ minimum: 0, maximum: 100 }),
  healthReasons: Type.Array(
    Type.Object({ code: Type.String(), text: Type.String(), effect: Type.Integer({ description: 'Points added to (or taken from) 50' }) }),
  ),
  components: Type.Object({ recency: Part, frequency: Part, monetary: Part, engagement: Part, influence: Part }),
  computedAt: DateTime,
});
export interface ContactScore {
  valueScore: number;
  tier: string;
  tierLimit: TierLimit | null;
  health: number;
  healthReasons: HealthReason[];
  components: Record<Component, number | null>;
  computedAt: Date;
}

export const RecomputeResult = Type.Object({
  contacts: Type.Integer({ description: 'How many contacts were scored' }),
  computedAt: DateTime,
});
