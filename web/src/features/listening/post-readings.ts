/**
 * How a post's card shows and marks its mentions. A post several queries matched is one card; its
 * mentions that read the whole post share one reading (sentiment and intent: the post's), shown
 * once with every such query, and a correction of it is the post's. A mention read about its own
 * subject (a post naming several, read per subject) is a reading of its own, corrected alone. The
 * card's relevance mark is every mention's on it: marking a card marks the post for each query shown.
 */
import type { PostMention, Relevance } from './types';

export interface PostReading {
  /** The mentions read this way, in the card's (query name) order. */
  mentions: PostMention[];
  sentiment: string | null;
  sentimentScore: number | null;
  intent: string | null;
  readAboutSubject: boolean;
}

export function readingsOf(mentions: readonly PostMention[]): PostReading[] {
  const readings: PostReading[] = [];
  for (const mention of mentions) {
    const shared = mention.readAboutSubject
      ? undefined
      : readings.find((r) => !r.readAboutSubject && r.sentiment === mention.sentiment && r.intent === mention.intent);
    if (shared) shared.mentions.push(mention);
    else
      readings.push({
        mentions: [mention],
        sentiment: mention.sentiment,
        sentimentScore: mention.sentimentScore,
        intent: mention.intent,
        readAboutSubject: mention.readAboutSubject,
      });
  }
  return readings;
}

/** The card's mark: its mentions' when they agree, `mixed` when some are marked otherwise. */
export function postRelevance(mentions: readonly Pick<PostMention, 'relevance'>[]): Relevance | 'mixed' {
  const [first, ...rest] = mentions;
  if (!first) return 'unreviewed';
  return rest.every((m) => m.relevance === first.relevance) ? first.relevance : 'mixed';
}

/** What pressing a mark does to a card: the mark for all its mentions, or, pressed again where all have it, none. */
export function relevanceAfterPressing(mentions: readonly Pick<PostMention, 'relevance'>[], pressed: Relevance): Relevance {
  return postRelevance(mentions) === pressed ? 'unreviewed' : pressed;
}
