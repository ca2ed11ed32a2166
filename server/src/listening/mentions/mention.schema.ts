/** Mentions as the API shows them: the matched message, its author, and what listening knows of it. */
import { Type, type Static } from 'typebox';
import { DateTime, OneOf, PageQuery, Uuid } from '../../platform/http/schemas.js';
import { QUERY_KINDS } from '../saved-queries/saved-query.schema.js';

export const SENTIMENTS = ['positive', 'negative', 'neutral'] as const;
/** The stream's sentiment filter also selects the mentions whose sentiment was not read (a language the scorer does not read). */
const STREAM_SENTIMENTS = [...SENTIMENTS, 'unanalysed'] as const;
export const RELEVANCES = ['unreviewed', 'relevant', 'irrelevant'] as const;
export type Relevance = (typeof RELEVANCES)[number];
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const MentionAuthor = Type.Object({
  identityId: Nullable(Type.String()),
  handle: Nullable(Type.String()),
  displayName: Nullable(Type.String()),
  profileUrl: Nullable(Type.String()),
  avatarUrl: Nullable(Type.String()),
  followers: Nullable(Type.Integer()),
  contactId: Nullable(Type.String()),
});

export const Mention = Type.Object({
  id: Type.String(),
  queryId: Type.String(),
  queryName: Type.String(),
  queryKind: Type.String(),
  messageId: Type.String(),
  conversationId: Type.String(),
  network: Type.String(),
  language: Nullable(Type.String()),
  sentiment: Nullable(Type.String()),
  sentimentScore: Nullable(Type.Number()),
  intent: Nullable(Type.String()),
  readAboutSubject: Type.Boolean({
    description:
      "sentiment and intent read from the sentences about the query's subject, not the whole message (a post naming several subjects)",
  }),
  influence: Type.Integer(),
  relevance: OneOf(RELEVANCES),
  sentAt: DateTime,
  title: Nullable(Type.String()),
  text: Type.String(),
  url: Nullable(Type.String()),
  author: MentionAuthor,
});
export type Mention = Static<typeof Mention>;

/** A post of the stream with its mentions the stream's scope and filters select: one per query it matched. */
export const MentionedPost = Type.Object({
  messageId: Type.String(),
  conversationId: Type.String(),
  network: Type.String(),
  language: Nullable(Type.String()),
  sentAt: DateTime,
  title: Nullable(Type.String()),
  text: Type.String(),
  url: Nullable(Type.String()),
  influence: Type.Integer({ description: "The author's highest influence among the post's mentions (influence is read per query)" }),
  author: MentionAuthor,
  mentions: Type.Array(
    Type.Pick(Mention, [
      'id',
      'queryId',
      'queryName',
      'queryKind',
      'sentiment',
      'sentimentScore',
      'intent',
      'readAboutSubject',
      'relevance',
    ]),
    { minItems: 1, description: 'In query name order' },
  ),
});
export type MentionedPost = Static<typeof MentionedPost>;

/** What narrows the stream: its scope (a query or a group) and the mentions' filters; the list, its count and its export share them. */
export const StreamFilters = {
  queryId: Type.Optional(Uuid),
  kind: Type.Optional(OneOf(QUERY_KINDS, { description: 'Every query of this group' })),
  sentiment: Type.Optional(
    OneOf(STREAM_SENTIMENTS, { description: 'unanalysed: mentions in a language whose sentiment Rapport does not read' }),
  ),
  intent: Type.Optional(Type.String({ pattern: '^[a-z]{2,20}$', patternReason: 'must be 2 to 20 lower-case letters, such as question' })),
  network: Type.Optional(
    Type.String({ pattern: '^[a-z0-9-]{2,20}$', patternReason: 'must be 2 to 20 lower-case letters, digits or -, such as mastodon' }),
  ),
  language: Type.Optional(
    Type.String({ pattern: '^[a-z]{2,3}$', patternReason: 'must be a language code of 2 or 3 lower-case letters, such as en' }),
  ),
  minInfluence: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
  relevance: Type.Optional(OneOf(RELEVANCES)),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  q: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Words the post must all contain (its title or text), whole words, case aside; a text without any word filters nothing',
    }),
  ),
};
export const StreamFilterQuery = Type.Object(StreamFilters, { additionalProperties: false });
export type StreamFilter = Static<typeof StreamFilterQuery>;

export const MentionListQuery = Type.Object({ ...PageQuery, ...StreamFilters }, { additionalProperties: false });
export type MentionListQuery = Static<typeof MentionListQuery>;

export const PostCount = Type.Object({
  count: Type.Integer({ description: 'Posts the stream holds, counted up to 10,000' }),
  exact: Type.Boolean({
    description: 'false: more posts than `count` match (a count stops at 10,000, or after a fraction of a second with what it found)',
  }),
});

export const RelevanceInput = Type.Object({ relevance: OneOf(RELEVANCES) }, { additionalProperties: false });
export const BulkRelevanceInput = Type.Object(
  { ids: Type.Array(Uuid, { minItems: 1, maxItems: 500 }), relevance: OneOf(RELEVANCES) },
  { additionalProperties: false },
);

export const PreviewInput = Type.Object({ query: Type.String({ maxLength: 20_000 }) }, { additionalProperties: false });
export const PreviewResult = Type.Object({
  ok: Type.Boolean(),
  error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String(), position: Type.Integer(), length: Type.Integer() })),
  scanned: Type.Integer({ description: 'Recent public messages the query was run on' }),
  matched: Type.Integer(),
  samples: Type.Array(
    Type.Object({
      messageId: Type.String(),
      network: Type.String(),
      text: Type.String(),
      title: Nullable(Type.String()),
      sentAt: DateTime,
      sentiment: Nullable(Type.String()),
      intent: Nullable(Type.String()),
      author: Nullable(Type.String()),
    }),
  ),
});
