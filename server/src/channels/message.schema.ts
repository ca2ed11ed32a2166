/**
 * The normalised message: what every channel's payloads become before the ingest pipeline
 * deduplicates, threads and persists them. One shape for a blog entry, an e-mail, a toot, a skeet,
 * a tweet, a Messenger DM and a Reddit comment, so nothing downstream knows where a message came from.
 *
 * Parsers build these from hostile input, so every message is checked against the schema before it
 * leaves a parser; the limits below keep one message within what a row (and a tsvector) can hold.
 */
import { Type, type Static } from 'typebox';
import { Compile } from 'typebox/compile';

/** The networks messages come from: a message's `channel`, and so its conversation's network. */
export const NETWORKS = ['rss', 'email', 'mastodon', 'bluesky', 'twitter', 'meta', 'reddit', 'webhook'] as const;
export type Network = (typeof NETWORKS)[number];

/**
 * What a configured channel can be: a network's own connector, or a sandbox that stands in for a
 * network (its messages keep that network) and delivers replies without reaching it.
 */
export const CHANNEL_KINDS = [...NETWORKS, 'sandbox'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const FORMAT_NAMES = [
  'rss',
  'atom',
  'jsonfeed',
  'eml',
  'mbox',
  'mastodon',
  'jetstream',
  'twitter-v2',
  'meta-webhook',
  'reddit',
] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** Longest plain text kept: PostgreSQL refuses tsvectors over 1 MB, and no message needs more. */
export const MAX_TEXT = 100_000;
/** Longer HTML is dropped rather than cut, because cut HTML is broken HTML; the text stays. */
export const MAX_HTML = 1_000_000;
export const MAX_ID = 1_024;
export const MAX_URL = 8_192;

const Id = Type.String({ minLength: 1, maxLength: MAX_ID });
const Url = Type.String({ minLength: 1, maxLength: MAX_URL });
const Count = Type.Integer({ minimum: 0 });

/** Years 1-9999: what ISO 8601's plain form writes and PostgreSQL reads back (the pipeline sends dates as ISO text). */
const FIRST_YEAR = Date.parse('0001-01-01T00:00:00Z');
const PAST_LAST_YEAR = Date.parse('+010000-01-01T00:00:00Z');

/** TypeBox 1.x has no Date type; the refinement also refuses an Invalid Date and one outside years 1-9999. */
const DateValue = Type.Refine(
  Type.Unsafe<Date>({ description: 'a JavaScript Date' }),
  (value) => value instanceof Date && value.getTime() >= FIRST_YEAR && value.getTime() < PAST_LAST_YEAR,
  () => 'must be a valid date in the years 1 to 9999',
);

export const NetworkSchema = Type.Enum(NETWORKS);
export const FormatNameSchema = Type.Enum(FORMAT_NAMES);

/**
 * Who wrote a message, as the source describes them. `externalId` is the source's stable id for the
 * person (account id, DID, e-mail address); `handle` and `displayName` fall back to it when the
 * source gives no name (a Messenger sender is only a page-scoped id).
 */
export const Author = Type.Object(
  {
    externalId: Id,
    handle: Type.String({ minLength: 1, maxLength: 512 }),
    displayName: Type.String({ minLength: 1, maxLength: 512 }),
    /** Absent when the source has no page for the person (a Messenger sender, a feed without a link). */
    profileUrl: Type.Optional(Url),
    avatarUrl: Type.Optional(Url),
    /** Only an address the source vouches for: the sender of an e-mail, never an address found in a bio. */
    email: Type.Optional(Type.String({ minLength: 3, maxLength: 320 })),
    followers: Type.Optional(Count),
    following: Type.Optional(Count),
    postsCount: Type.Optional(Count),
    bio: Type.Optional(Type.String({ maxLength: 10_000 })),
    location: Type.Optional(Type.String({ maxLength: 512 })),
  },
  { additionalProperties: false },
);
export type Author = Static<typeof Author>;

/** Attachment metadata only: the bytes stay at the source (or in the mail store) until asked for. */
export const Attachment = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 1_024 }),
    contentType: Type.String({ minLength: 1, maxLength: 255 }),
    /** In bytes, when the source says; social networks rarely do. */
    size: Type.Optional(Count),
    url: Type.Optional(Url),
  },
  { additionalProperties: false },
);
export type Attachment = Static<typeof Attachment>;

export const Metrics = Type.Object({ likes: Count, shares: Count, replies: Count }, { additionalProperties: false });
export type Metrics = Static<typeof Metrics>;

/** Where in the parsed file a message came from, so a rejected or odd message can be found again. */
export const RawRef = Type.Object(
  {
    /** The recorded format, or `webhook` for a generic webhook mapped by its channel's settings. */
    format: Type.Union([FormatNameSchema, Type.Literal('webhook')]),
    /** Position of the item in the file: entry, array element or event, counted from 0. */
    index: Type.Integer({ minimum: 0 }),
    /** 1-based line of a JSON Lines file. */
    line: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type RawRef = Static<typeof RawRef>;

export const NormalisedMessage = Type.Object(
  {
    channel: NetworkSchema,
    /** The source's stable id; with workspace and channel it is the deduplication key. */
    externalId: Id,
    /**
     * Names the conversation when the source does: the e-mail thread's first Message-ID, a post's
     * root, a tweet's conversation_id, a DM's conversation. Absent when only `inReplyToExternalId`
     * is known (a Mastodon reply outside its context) and the pipeline must walk the chain.
     */
    threadKey: Type.Optional(Id),
    inReplyToExternalId: Type.Optional(Id),
    /** The first message of the thread, for a reply whose root the source names. */
    rootExternalId: Type.Optional(Id),
    author: Author,
    /** Plain text with normalised whitespace; what search, NLP and previews read. Never markup. */
    text: Type.String({ maxLength: MAX_TEXT }),
    /** The source's HTML as given: unsafe until sanitised at render time. */
    html: Type.Optional(Type.String({ maxLength: MAX_HTML })),
    title: Type.Optional(Type.String({ maxLength: 2_000 })),
    url: Type.Optional(Url),
    /** Only when the source states it (BCP 47 tag); detection is the NLP step's job. */
    language: Type.Optional(Type.String({ minLength: 2, maxLength: 35 })),
    sentAt: DateValue,
    receivedAt: Type.Optional(DateValue),
    direction: Type.Union([Type.Literal('in'), Type.Literal('out')]),
    /** A DM or an e-mail, as opposed to a public post. */
    isPrivate: Type.Boolean(),
    attachments: Type.Array(Attachment, { maxItems: 1_000 }),
    metrics: Type.Optional(Metrics),
    raw: RawRef,
  },
  { additionalProperties: false },
);
export type NormalisedMessage = Static<typeof NormalisedMessage>;

const messageValidator = Compile(NormalisedMessage);
const authorValidator = Compile(Author);

interface SchemaIssue {
  keyword: string;
  instancePath: string;
  message: string;
}

type Validator = typeof messageValidator | typeof authorValidator;

function firstProblem(validator: Validator, value: unknown): string | null {
  if (validator.Check(value)) return null;
  let fallback: string | null = null;
  for (const issue of validator.Errors(value) as unknown as SchemaIssue[]) {
    const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || 'value';
    // A union's branches ("must be equal to constant") say less than the union's own verdict.
    if (issue.keyword === 'const' || issue.keyword === 'boolean') continue;
    if (issue.keyword === 'anyOf') {
      fallback ??= `${field} has a value that is not allowed`;
      continue;
    }
    return `${field} ${issue.message}`;
  }
  return fallback ?? 'does not match the schema';
}

/** Null when the message is valid, else the first problem, naming the field. */
export function messageProblem(message: unknown): string | null {
  return firstProblem(messageValidator, message);
}

/** Null when the author profile is valid, else the first problem, naming the field. */
export function authorProblem(author: unknown): string | null {
  return firstProblem(authorValidator, author);
}
