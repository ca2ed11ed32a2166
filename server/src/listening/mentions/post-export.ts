/**
 * A post of the stream as a row of its CSV export, one row per post as the stream shows it. A post
 * several queries matched lists them all; its sentiment, intent and relevance are one value when
 * every query's mention has the same, and each query's otherwise ("Acme: negative; Globex: neutral"),
 * as a post naming several subjects is read per subject. Cells are made safe by csvLine.
 */
import type { MentionedPost } from './mention.schema.js';

export const POST_COLUMNS = [
  'sentAt',
  'network',
  'author',
  'authorHandle',
  'title',
  'text',
  'url',
  'queries',
  'sentiment',
  'intent',
  'relevance',
] as const;

type PostMention = MentionedPost['mentions'][number];

/** One value when the mentions agree, else each query's: `Acme: negative; Globex: neutral` (none reads as blank). */
function perQuery(mentions: readonly PostMention[], value: (mention: PostMention) => string | null): string {
  const values = mentions.map((mention) => value(mention) ?? '');
  if (values.every((v) => v === values[0])) return values[0] ?? '';
  return mentions.map((mention, i) => `${mention.queryName}: ${values[i]}`).join('; ');
}

export function postCells(post: MentionedPost): unknown[] {
  return [
    post.sentAt,
    post.network,
    post.author.displayName ?? post.author.handle,
    post.author.handle,
    post.title,
    post.text,
    post.url,
    post.mentions.map((mention) => mention.queryName).join('; '),
    perQuery(post.mentions, (mention) => mention.sentiment),
    perQuery(post.mentions, (mention) => mention.intent),
    perQuery(post.mentions, (mention) => mention.relevance),
  ];
}
