/**
 * What listening knows about a message, whether it arrives through the pipeline or is read back
 * from the database for retroactive matching and previews: the text and its author, the channel,
 * and the understanding the NLP enricher stored. From these come what a query matches against,
 * the mention row, its influence and the terms the top-N rollups count.
 */
import type { TextUnderstanding } from '../../nlp/analyze.js';
import { influenceScore, type SeenPosts } from '../../nlp/influence/influence.js';
import { newId } from '../../platform/db/ids.js';
import type { NewMention } from './mention.repo.js';
import { understandingText } from '../understanding/understanding.enricher.js';
import { subjectReadings, type ReadPart, type SubjectReading } from './subject-readings.js';

export interface MessageFacts {
  id: string;
  conversationId: string;
  authorIdentityId: string | null;
  network: string;
  text: string;
  title: string | null;
  url: string | null;
  /** The language the source stated; the detected one is in `understanding`. */
  language: string | null;
  sentAt: Date;
  author: {
    handle: string | null;
    displayName: string | null;
    followers: number | null;
    following: number | null;
    postsCount: number | null;
  };
  metrics: { likes: number; shares: number; replies: number } | null;
  understanding: TextUnderstanding | null;
}

/** The enricher's result as stored, or null when the message was stored without it. */
export function understandingOf(enrichment: Readonly<Record<string, unknown>> | null | undefined): TextUnderstanding | null {
  const nlp = enrichment?.nlp as TextUnderstanding | undefined;
  return nlp && typeof nlp === 'object' && nlp.sentiment && nlp.language && nlp.intent ? nlp : null;
}

export const KEYWORDS_ROLLED_UP = 5;

export function languageOf(facts: MessageFacts): string | null {
  const detected = facts.understanding?.language.code;
  return facts.language?.slice(0, 2).toLowerCase() ?? (detected && detected !== 'und' ? detected : null);
}

/** The shape the query engine prepares once per message. */
export function matchableOf(facts: MessageFacts) {
  const u = facts.understanding;
  return {
    text: facts.text,
    title: facts.title ?? undefined,
    authorHandle: facts.author.handle ?? undefined,
    authorName: facts.author.displayName ?? undefined,
    channel: facts.network,
    language: languageOf(facts) ?? undefined,
    url: facts.url ?? undefined,
    sentiment: u?.sentiment.label ?? undefined,
    intent: u?.intent.label,
    hashtags: u?.hashtags,
    mentions: u?.mentions,
  };
}

const NOTHING_SEEN: SeenPosts = { posts: 0, interactions: 0, repliedTo: 0, shared: 0 };

/** A post's own counts as seen posts: one post, or none when it came without counts. */
export function postOf(facts: Pick<MessageFacts, 'metrics'>): SeenPosts {
  const { metrics } = facts;
  if (!metrics) return NOTHING_SEEN;
  return {
    posts: 1,
    interactions: metrics.likes + metrics.shares + metrics.replies,
    repliedTo: metrics.replies > 0 ? 1 : 0,
    shared: metrics.shares > 0 ? 1 : 0,
  };
}

/** `a` and `n` times `b`. */
const plus = (a: SeenPosts, b: SeenPosts, n = 1): SeenPosts => ({
  posts: a.posts + n * b.posts,
  interactions: a.interactions + n * b.interactions,
  repliedTo: a.repliedTo + n * b.repliedTo,
  shared: a.shared + n * b.shared,
});

/**
 * What has been seen of each matched message's author: their stored mentions' posts (`stored`) and
 * the mentions `heard` is about to add (each message with how many of its mentions will be stored).
 * An author who is not known has only the post itself.
 */
export function seenPostsOf(
  stored: ReadonlyMap<string, SeenPosts>,
  heard: readonly { facts: MessageFacts; mentions: number }[],
): (facts: MessageFacts) => SeenPosts {
  const added = new Map<string, SeenPosts>();
  for (const { facts, mentions } of heard) {
    const author = facts.authorIdentityId;
    if (author) added.set(author, plus(added.get(author) ?? NOTHING_SEEN, postOf(facts), mentions));
  }
  return (facts) =>
    facts.authorIdentityId
      ? plus(stored.get(facts.authorIdentityId) ?? NOTHING_SEEN, added.get(facts.authorIdentityId) ?? NOTHING_SEEN)
      : postOf(facts);
}

function influenceOf(facts: MessageFacts, seen: SeenPosts): number {
  const { author } = facts;
  return influenceScore({
    followers: author.followers ?? undefined,
    following: author.following ?? undefined,
    postsCount: author.postsCount ?? undefined,
    seen,
  }).score;
}

export const UNDERSTOOD_TERM_KINDS = ['hashtag', 'entity', 'keyword'] as const;
export type UnderstoodTermKind = (typeof UNDERSTOOD_TERM_KINDS)[number];
/** Where a message's understanding holds each kind of term. */
export const UNDERSTOOD_TERM_FIELDS = { hashtag: 'hashtags', entity: 'entities', keyword: 'keywords' } as const;
export type TermSources = Partial<Pick<TextUnderstanding, (typeof UNDERSTOOD_TERM_FIELDS)[UnderstoodTermKind]>>;

/** The terms of one kind the rollups count for a message's understanding: trimmed, lower-cased, each once. */
export function understoodTerms(u: TermSources, kind: UnderstoodTermKind): string[] {
  const raw =
    kind === 'hashtag'
      ? (u.hashtags ?? []).map((tag) => tag.replace(/^#/, ''))
      : kind === 'entity'
        ? (u.entities ?? []).map((entity) => entity.text)
        : (u.keywords ?? []).slice(0, KEYWORDS_ROLLED_UP);
  const terms = new Set<string>();
  for (const text of raw) {
    const term = text.trim().toLowerCase().slice(0, 200);
    if (term) terms.add(term);
  }
  return [...terms];
}

export function termsOf(facts: Pick<MessageFacts, 'understanding' | 'authorIdentityId'>): NewMention['terms'] {
  const u = facts.understanding;
  const terms: NewMention['terms'] = u
    ? UNDERSTOOD_TERM_KINDS.flatMap((kind) => understoodTerms(u, kind).map((term) => ({ kind, term })))
    : [];
  if (facts.authorIdentityId) terms.push({ kind: 'author', term: facts.authorIdentityId });
  return terms;
}

/**
 * The mention of a message for a query, read as the whole message is unless `reading` says what
 * the message says about the query's subject (see `subject-readings.ts`); `seen` is what has been
 * seen of its author's posts, this one included.
 */
export function mentionOf(queryId: string, facts: MessageFacts, seen: SeenPosts, now: Date, reading?: SubjectReading): NewMention {
  return {
    id: newId(),
    queryId,
    messageId: facts.id,
    conversationId: facts.conversationId,
    authorIdentityId: facts.authorIdentityId,
    network: facts.network,
    language: languageOf(facts),
    ...understandingFor(facts.understanding, reading),
    influence: influenceOf(facts, seen),
    sentAt: facts.sentAt,
    matchedAt: now,
    terms: termsOf(facts),
    post: postOf(facts),
  };
}

/** The mention's sentiment and intent: the message's, or what it says about the query's subject. */
function understandingFor(
  u: TextUnderstanding | null,
  reading: SubjectReading | undefined,
): Pick<NewMention, 'sentiment' | 'sentimentScore' | 'intent' | 'readAboutSubject'> {
  if (!reading) {
    return {
      sentiment: u?.sentiment.label ?? null,
      sentimentScore: u?.sentiment.score ?? null,
      intent: u?.intent.label ?? null,
      readAboutSubject: false,
    };
  }
  const { sentiment, intent } = reading;
  return {
    sentiment: sentiment.label,
    sentimentScore: sentiment.score,
    // A part is no spam unless the whole message is: a bare name ("for Globex") reads as noise to the model.
    intent: intent.label === 'spam' && u?.intent.label !== 'spam' ? 'other' : intent.label,
    readAboutSubject: true,
  };
}

/**
 * The mentions of a message for the queries it matched (`matched`), each read from what the message
 * says about its query's subject when it names several in different sentences. `read` is null
 * where the text understanding is not at hand: every mention then takes the message's reading.
 */
export function mentionsOf(
  facts: MessageFacts,
  seen: SeenPosts,
  matched: readonly string[],
  subjectOf: (queryId: string) => readonly string[],
  read: ReadPart | null,
  now: Date,
): NewMention[] {
  const readings =
    matched.length > 1 && read && facts.understanding
      ? subjectReadings(understandingText(facts.title, facts.text), new Map(matched.map((queryId) => [queryId, subjectOf(queryId)])), read)
      : null;
  return matched.map((queryId) => mentionOf(queryId, facts, seen, now, readings?.get(queryId)));
}
