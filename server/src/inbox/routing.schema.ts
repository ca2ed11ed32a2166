/** Routing rules and team assignment settings: how a new conversation finds its team and agent. */
import { Type, type Static } from 'typebox';
import { DateTime, OneOf, PageQuery, Uuid } from '../platform/http/schemas.js';
import { NETWORKS } from '../channels/index.js';
import { Labels, PRIORITIES } from './conversation.schema.js';

export const ASSIGNMENT_MODES = ['manual', 'round_robin', 'least_loaded'] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];

export const TeamInboxSettingsInput = Type.Object({ assignment: OneOf(ASSIGNMENT_MODES) }, { additionalProperties: false });
export type TeamInboxSettingsInput = Static<typeof TeamInboxSettingsInput>;
export const TeamInboxSettings = Type.Object({
  teamId: Type.String(),
  assignment: OneOf(ASSIGNMENT_MODES),
  updatedAt: Type.Union([DateTime, Type.Null()]),
});
export interface TeamInboxSettings {
  teamId: string;
  assignment: AssignmentMode;
  updatedAt: Date | null;
}

export const RuleConditions = Type.Object(
  {
    networks: Type.Optional(
      Type.Array(OneOf(NETWORKS), {
        maxItems: 20,
        description:
          'The conversation came from one of these networks (a sandbox channel’s conversations are of the network it stands in for)',
      }),
    ),
    channelIds: Type.Optional(Type.Array(Uuid, { maxItems: 100 })),
    keywords: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
        maxItems: 100,
        description: 'Any of these words in the subject or text',
      }),
    ),
    tiers: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 30 }), {
        maxItems: 10,
        description: 'The customer’s contact has one of these value tiers (see /relationship/settings)',
      }),
    ),
  },
  { additionalProperties: false, description: 'All given conditions must hold; none given matches every conversation' },
);
export type RuleConditions = Static<typeof RuleConditions>;

export const RuleActions = Type.Object(
  {
    teamId: Type.Optional(Uuid),
    priority: Type.Optional(OneOf(PRIORITIES)),
    addLabels: Type.Optional(Labels),
    assigneeId: Type.Optional(Uuid),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type RuleActions = Static<typeof RuleActions>;

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Position = Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'Rules are tried in ascending position' });

export const RoutingRuleInput = Type.Object(
  {
    name: Name,
    position: Type.Optional(Position),
    enabled: Type.Optional(Type.Boolean()),
    conditions: RuleConditions,
    actions: RuleActions,
  },
  { additionalProperties: false },
);
export type RoutingRuleInput = Static<typeof RoutingRuleInput>;

export const RoutingRulePatch = Type.Object(
  {
    name: Type.Optional(Name),
    position: Type.Optional(Position),
    enabled: Type.Optional(Type.Boolean()),
    conditions: Type.Optional(RuleConditions),
    actions: Type.Optional(RuleActions),
  },
  { additionalProperties: false },
);
export type RoutingRulePatch = Static<typeof RoutingRulePatch>;

export const RoutingRule = Type.Object({
  id: Type.String(),
  name: Type.String(),
  position: Type.Integer(),
  enabled: Type.Boolean(),
  conditions: RuleConditions,
  actions: Type.Object({
    teamId: Type.Optional(Type.String()),
    priority: Type.Optional(OneOf(PRIORITIES)),
    addLabels: Type.Optional(Type.Array(Type.String())),
    assigneeId: Type.Optional(Type.String()),
  }),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export interface RoutingRule {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  conditions: RuleConditions;
  actions: RuleActions;
  createdAt: Date;
  updatedAt: Date;
}

export const RoutingRuleListQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export type RoutingRuleListQuery = Static<typeof RoutingRuleListQuery>;
