/** Shapes of the listening API (mirrors the server's response schemas). */
export const QUERY_KINDS = ['brand', 'competitor', 'campaign', 'product', 'other'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];
/** The stream also filters the mentions whose sentiment was not read (a language the scorer does not read). */
export const STREAM_SENTIMENTS = [...SENTIMENTS, 'unanalysed'] as const;
export type StreamSentiment = (typeof STREAM_SENTIMENTS)[number];

export { INTENT_LABELS as INTENTS, type IntentLabel as Intent } from '../../../../server/src/nlp/intent/intent-labels';

export const RELEVANCES = ['unreviewed', 'relevant', 'irrelevant'] as const;
export type Relevance = (typeof RELEVANCES)[number];

/** A span of the query text: where a problem is, in UTF-16 code units as the server counts them. */
export interface QueryProblem {
  code: string;
  message: string;
  position: number;
  length: number;
}

export interface SavedQuery {
  id: string;
  name: string;
  query: string;
  kind: QueryKind;
  isActive: boolean;
  backfilledAt: string | null;
  warnings: QueryProblem[];
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SavedQueryInput {
  name: string;
  query: string;
  kind: QueryKind;
  isActive?: boolean;
}

export interface QueryToken {
  kind: string;
  start: number;
  end: number;
}

export interface QueryCheck {
  ok: boolean;
  error?: QueryProblem;
  warnings: QueryProblem[];
  tokens: QueryToken[];
}

export interface QueryPreview {
  ok: boolean;
  error?: QueryProblem;
  scanned: number;
  matched: number;
  samples: {
    messageId: string;
    network: string;
    text: string;
    title: string | null;
    sentAt: string;
    sentiment: string | null;
    intent: string | null;
    author: string | null;
  }[];
}

export interface Mention {
  id: string;
  queryId: string;
  queryName: string;
  queryKind: string;
  messageId: string;
  conversationId: string;
  network: string;
  language: string | null;
  sentiment: string | null;
  sentimentScore: number | null;
  intent: string | null;
  /** Sentiment and intent read from the sentences about the query's subject, not the whole post. */
  readAboutSubject: boolean;
  influence: number;
  relevance: Relevance;
  sentAt: string;
  title: string | null;
  text: string;
  url: string | null;
  author: {
    identityId: string | null;
    handle: string | null;
    displayName: string | null;
    profileUrl: string | null;
    avatarUrl: string | null;
    followers: number | null;
    contactId: string | null;
  };
}

/** The filters of the mention stream, as the API takes them (dates already resolved). */
export interface MentionQuery {
  queryId?: string;
  kind?: QueryKind;
  sentiment?: StreamSentiment;
  intent?: string;
  network?: string;
  language?: string;
  minInfluence?: number;
  relevance?: Relevance;
  from?: string;
  to?: string;
}

export interface MentionActionInfo {
  name: string;
  label: string;
  description: string;
  role: string;
}

export interface MentionActionResult {
  conversationId?: string;
  contactId?: string;
  summary: string;
}

export interface IntentCorrection {
  messageId: string;
  intent: string;
  previousIntent: string | null;
  /** The mentions whose intent changed. */
  mentionIds: string[];
  /** Whether the workspace's model learned from it (not for a mention read about its own subject). */
  learned: boolean;
}

export type ChartCell = string | number | null;

export interface ChartTable {
  from: string;
  to: string;
  interval?: 'hour' | 'day' | 'week';
  rows: Record<string, ChartCell>[];
  /** Set on a top-N the server could not prove exact: a term or author not shown may have up to this many mentions. */
  approximate?: { unseenAtMost: number };
}

/** Volume over time: series on one time axis, each array aligned with `at` (0 where a query was not heard). */
export interface VolumeChart {
  from: string;
  to: string;
  interval: 'hour' | 'day' | 'week';
  at: string[];
  series: {
    queryId: string;
    query: string;
    kind: string;
    mentions: number[];
    positive: number[];
    negative: number[];
    neutral: number[];
    sentiment: (number | null)[];
  }[];
}

export const TRIGGERS = ['volume', 'negative', 'keyword'] as const;
export type Trigger = (typeof TRIGGERS)[number];

export interface Alert {
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
  lastFiredAt: string | null;
  /** Spike alerts: the watched queries whose history is still being matched; the alert does not fire till then. */
  awaitingHistoryOf: string[];
  createdAt: string;
  updatedAt: string;
}

export type AlertInput = Omit<Alert, 'id' | 'lastFiredAt' | 'awaitingHistoryOf' | 'createdAt' | 'updatedAt' | 'allowPrivateNetwork'>;

export interface AlertFiring {
  id: string;
  alertId: string;
  alertName: string;
  firedAt: string;
  windowStart: string;
  windowEnd: string;
  expected: number;
  observed: number;
  reason: string;
  deliveries: { channel: string; ok: boolean; detail: string }[];
}

/** The stream's filters as the API takes them: the mention filters and a text the posts must contain. */
export interface StreamQuery extends MentionQuery {
  q?: string;
}

/** A post's mention of one query: how the post reads for it, and the reviewer's mark. */
export type PostMention = Pick<
  Mention,
  'id' | 'queryId' | 'queryName' | 'queryKind' | 'sentiment' | 'sentimentScore' | 'intent' | 'readAboutSubject' | 'relevance'
>;

/** A post of the stream with its mentions the stream's scope and filters select, one per query it matched (in name order). */
export interface MentionedPost extends Pick<
  Mention,
  'messageId' | 'conversationId' | 'network' | 'language' | 'sentAt' | 'title' | 'text' | 'url' | 'influence' | 'author'
> {
  mentions: PostMention[];
}

/** How many posts the stream holds; `exact: false` when more than `count` do. */
export interface PostCount {
  count: number;
  exact: boolean;
}
