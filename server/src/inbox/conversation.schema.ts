/** Conversations as the API shows them: the inbox list, one conversation, its changes and counts. */
import { Type, type Static } from 'typebox';
import { REPLY_COUNTINGS, type ReplyLength } from '../channels/index.js';
import { DateTime, Nullable, OneOf, PageQuery, Uuid } from '../platform/http/schemas.js';

export const CONVERSATION_STATUSES = ['open', 'pending', 'snoozed', 'resolved'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const VIEWS = ['mine', 'unassigned', 'my_teams', 'all'] as const;
export type View = (typeof VIEWS)[number];
export const SLA_CLOCKS = ['first_response', 'next_response', 'resolution'] as const;
export type SlaClock = (typeof SLA_CLOCKS)[number];
export const REPLY_UNAVAILABLE_REASONS = ['no_channel', 'channel_removed', 'channel_cannot_reply', 'reply_not_set_up'] as const;
export type ReplyUnavailable = (typeof REPLY_UNAVAILABLE_REASONS)[number];
export const PRESENCE_ACTIVITIES = ['viewing', 'replying'] as const;

const NullableString = Nullable(Type.String());
const NullableDate = Nullable(DateTime);
/**
 * A label is shown as typed, so it may hold no control characters: a bidirectional control
 * (U+202A–U+202E, U+2066–U+2069, and the invisible direction marks) turns the text after it around,
 * and "\u202Eevil" displayed as "live".
 */
export const Label = Type.String({
  minLength: 1,
  maxLength: 50,
  pattern: '^[^\\p{Cc}\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]*$',
  patternReason:
    'must not contain control characters or bidirectional text controls (such as U+202E), which make a label display differently from what it is',
});
export const Labels = Type.Array(Label, { maxItems: 50 });

export const Viewer = Type.Object({
  userId: Type.String(),
  name: Type.String(),
  activity: OneOf(PRESENCE_ACTIVITIES),
});
export type Viewer = Static<typeof Viewer>;

export const Conversation = Type.Object({
  id: Type.String(),
  network: Type.String(),
  channelId: NullableString,
  replyUnavailable: Nullable(
    OneOf(REPLY_UNAVAILABLE_REASONS, {
      description:
        'Why replies cannot be sent here (notes still can): no_channel (imported), channel_removed, channel_cannot_reply (a feed only reads), reply_not_set_up (the channel’s settings lack a reply endpoint); null: they can',
    }),
  ),
  replyLimit: Nullable(
    Type.Object(
      {
        max: Type.Integer({ description: 'The longest reply the network takes' }),
        counting: OneOf(REPLY_COUNTINGS, {
          description:
            'How the network counts: code_points; graphemes (user-perceived characters, Bluesky); mastodon (graphemes, a link as 23, @user@server as @user); x_weighted (X: a link as 23, an emoji or a CJK character as 2)',
        }),
      },
      { description: 'How long a reply may be on this conversation’s network; null: no limit (e-mail)' },
    ),
  ),
  subject: Type.String(),
  status: OneOf(CONVERSATION_STATUSES),
  snoozedUntil: NullableDate,
  priority: OneOf(PRIORITIES),
  assigneeId: NullableString,
  teamId: NullableString,
  labels: Type.Array(Type.String()),
  isPrivate: Type.Boolean(),
  isSpam: Type.Boolean(),
  mergedIntoId: NullableString,
  preview: Type.String(),
  messageCount: Type.Integer({ description: 'Messages to and from the customer; internal notes are not counted' }),
  lastMessageAt: DateTime,
  lastInboundAt: NullableDate,
  identity: Nullable(
    Type.Object({
      id: Type.String(),
      network: Type.String(),
      handle: Nullable(
        Type.String({
          description: 'Null when the network gave only its numeric id for the person (a Meta page-scoped id), which is no handle',
        }),
      ),
      displayName: Nullable(
        Type.String({ description: 'Null when the network gave only its numeric id for the person, which names nobody' }),
      ),
      profileUrl: NullableString,
      avatarUrl: NullableString,
      email: NullableString,
      followers: Nullable(Type.Integer()),
    }),
  ),
  contactId: NullableString,
  contact: Nullable(
    Type.Object({
      id: Type.String(),
      displayName: Type.String(),
      tier: Nullable(Type.String({ description: 'The contact’s value tier (relationship scores); null until scored' })),
    }),
  ),
  sla: Type.Object({
    firstResponseDueAt: NullableDate,
    nextResponseDueAt: NullableDate,
    resolutionDueAt: NullableDate,
    firstRespondedAt: NullableDate,
    breached: Type.Array(OneOf(SLA_CLOCKS)),
  }),
  /** Only on a single conversation: who has it open right now. */
  viewers: Type.Optional(Type.Array(Viewer)),
  createdAt: DateTime,
  updatedAt: DateTime,
});

export interface ConversationIdentity {
  id: string;
  network: string;
  handle: string | null;
  displayName: string | null;
  profileUrl: string | null;
  avatarUrl: string | null;
  email: string | null;
  followers: number | null;
}

export interface Conversation {
  id: string;
  network: string;
  channelId: string | null;
  replyUnavailable: ReplyUnavailable | null;
  replyLimit: ReplyLength | null;
  subject: string;
  status: ConversationStatus;
  snoozedUntil: Date | null;
  priority: Priority;
  assigneeId: string | null;
  teamId: string | null;
  labels: string[];
  isPrivate: boolean;
  isSpam: boolean;
  mergedIntoId: string | null;
  preview: string;
  messageCount: number;
  lastMessageAt: Date;
  lastInboundAt: Date | null;
  identity: ConversationIdentity | null;
  contactId: string | null;
  contact: { id: string; displayName: string; tier: string | null } | null;
  sla: {
    firstResponseDueAt: Date | null;
    nextResponseDueAt: Date | null;
    resolutionDueAt: Date | null;
    firstRespondedAt: Date | null;
    breached: SlaClock[];
  };
  viewers?: Viewer[];
  createdAt: Date;
  updatedAt: Date;
}

/** What narrows the inbox besides its view, status and spam: the list and its counts share them. */
const ConversationFilters = {
  network: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  channelId: Type.Optional(Uuid),
  identityId: Type.Optional(Uuid),
  contactId: Type.Optional(Uuid),
  assigneeId: Type.Optional(Uuid),
  teamId: Type.Optional(Uuid),
  label: Type.Optional(Label),
  priority: Type.Optional(OneOf(PRIORITIES)),
  q: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Words in the subject, preview or messages, or in the customer’s name, handle or e-mail (and their contact’s)',
    }),
  ),
};

export const ConversationListQuery = Type.Object(
  {
    ...PageQuery,
    view: Type.Optional(OneOf(VIEWS, { description: 'Default all' })),
    status: Type.Optional(OneOf(CONVERSATION_STATUSES, { description: 'Left out: every status' })),
    ...ConversationFilters,
    spam: Type.Optional(Type.Boolean({ description: 'true: only spam; otherwise spam is left out' })),
  },
  { additionalProperties: false },
);
export type ConversationListQuery = Static<typeof ConversationListQuery>;

export const ConversationCountsQuery = Type.Object(
  {
    view: Type.Optional(OneOf(VIEWS, { description: 'The view the status counts are counted in; default all' })),
    status: Type.Optional(
      OneOf(CONVERSATION_STATUSES, { description: 'The status the view counts are counted in; left out: every status' }),
    ),
    ...ConversationFilters,
  },
  { additionalProperties: false },
);
export type ConversationCountsQuery = Static<typeof ConversationCountsQuery>;

/**
 * Each count is the length of the list the same query gives with one thing changed: a view's count
 * is that view at the query's status, a status's count is that status in the query's view, spam
 * left out of both; `spam` is the spam folder, every view and status.
 */
export const ConversationCounts = Type.Object({
  views: Type.Object({ mine: Type.Integer(), unassigned: Type.Integer(), my_teams: Type.Integer(), all: Type.Integer() }),
  statuses: Type.Object({ open: Type.Integer(), pending: Type.Integer(), snoozed: Type.Integer(), resolved: Type.Integer() }),
  spam: Type.Integer({ description: 'Spam conversations matching the filters, in every view and status' }),
});
export type ConversationCounts = Static<typeof ConversationCounts>;

export const LABEL_SUGGESTIONS_LIMIT = 500;
/** How many of the latest labelled conversations the suggestions count labels on. */
export const LABEL_SUGGESTIONS_WINDOW = 2000;
export const LabelSuggestions = Type.Object({
  data: Type.Array(
    Type.Object({
      label: Type.String({ description: 'The most used spelling: labels differing only in case are one' }),
      count: Type.Integer({ description: `Conversations with the label, among the ${LABEL_SUGGESTIONS_WINDOW} latest labelled ones` }),
    }),
    { maxItems: LABEL_SUGGESTIONS_LIMIT },
  ),
});
export type LabelSuggestions = Static<typeof LabelSuggestions>;

export const ConversationPatch = Type.Object(
  {
    status: Type.Optional(OneOf(CONVERSATION_STATUSES)),
    snoozedUntil: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
    priority: Type.Optional(OneOf(PRIORITIES)),
    assigneeId: Type.Optional(Type.Union([Uuid, Type.Null()], { description: 'A member; null unassigns' })),
    teamId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    labels: Type.Optional(Labels),
    isSpam: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ConversationPatch = Static<typeof ConversationPatch>;

export const MergeInput = Type.Object({ targetId: Uuid }, { additionalProperties: false });

export const BULK_LIMIT = 500;
export const BulkInput = Type.Object(
  {
    ids: Type.Array(Uuid, { minItems: 1, maxItems: BULK_LIMIT }),
    action: Type.Object(
      {
        assigneeId: Type.Optional(Type.Union([Uuid, Type.Null()])),
        status: Type.Optional(OneOf(['open', 'pending', 'resolved'] as const)),
        addLabels: Type.Optional(Labels),
        removeLabels: Type.Optional(Labels),
        isSpam: Type.Optional(Type.Boolean()),
        teamId: Type.Optional(Type.Union([Uuid, Type.Null()])),
        priority: Type.Optional(OneOf(PRIORITIES)),
      },
      { additionalProperties: false, minProperties: 1 },
    ),
  },
  { additionalProperties: false },
);
export type BulkInput = Static<typeof BulkInput>;
