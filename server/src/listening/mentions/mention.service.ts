/**
 * Use cases for the mention stream: reading it, marking mentions relevant or irrelevant (an
 * irrelevant mention leaves the dashboards' counts, and comes back if unmarked), and previewing
 * a query on recent messages while it is being typed.
 */
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/db.js';
import { recordEvents } from '../../platform/events/event.js';
import { cursorNotGivenOut, decodeCursor, encodeCursor, isCursorId, isCursorInstant } from '../../platform/http/cursor.js';
import { invalid, notFound } from '../../platform/http/errors.js';
import { compileQuery, parseQuery, prepareMessage } from '../query/index.js';
import { matchableOf, termsOf, understandingOf } from './mention-facts.js';
import { bumpRollups } from './mention.repo.js';
import type { Mention, MentionListQuery, Relevance, StreamFilter } from './mention.schema.js';
import * as stream from './mention-stream.repo.js';
import { messageFactsPage } from './message-facts.repo.js';

/**
 * The stream's filters, checked together: a range that ends before it starts is refused, and a text
 * without a letter or digit is no text search (the full-text index has no word of it to look up).
 */
export function streamFilterOf({ q, ...filter }: StreamFilter): StreamFilter {
  if (filter.from && filter.to && new Date(filter.from) >= new Date(filter.to))
    throw invalid([{ field: 'from', reason: 'must be before to' }]);
  return q !== undefined && /[\p{L}\p{N}]/u.test(q) ? { ...filter, q } : filter;
}

export async function listMentions(ctx: Ctx, query: MentionListQuery) {
  const { limit: rawLimit, cursor, ...filter } = query;
  const checked = streamFilterOf(filter);
  const limit = rawLimit ?? 50;
  const after = decodeCursor(cursor);
  if (after && (!isCursorInstant(after.v) || !isCursorId(after.id))) throw cursorNotGivenOut();
  const result = await stream.listMentions(
    ctx.db,
    ctx.workspaceId,
    checked,
    after ? { sentAt: String(after.v), id: after.id } : null,
    limit,
  );
  const last = result.rows.at(-1);
  const sentAt = (m: Mention) => (m.sentAt instanceof Date ? m.sentAt.toISOString() : String(m.sentAt));
  return { data: result.rows, nextCursor: result.hasMore && last ? encodeCursor({ v: sentAt(last), id: last.id }) : null };
}

export async function getMention(ctx: Ctx, id: string): Promise<Mention> {
  const mention = await stream.findMention(ctx.db, ctx.workspaceId, id);
  if (!mention) throw notFound('Mention');
  return mention;
}

const counted = (relevance: Relevance) => relevance !== 'irrelevant';

/** Marks mentions; the ones that cross the irrelevant line leave or re-enter the rollups. Unknown ids are a 404 for the whole request. */
export async function markRelevance(ctx: Ctx, db: Db, ids: readonly string[], relevance: Relevance): Promise<Mention[]> {
  return db.transaction(async (tx) => {
    const mentions: Mention[] = [];
    for (const id of [...new Set(ids)].sort()) {
      const mention = await stream.findMention(tx, ctx.workspaceId, id, true);
      if (!mention) throw notFound('Mention');
      mentions.push(mention);
    }
    const crossing = mentions.filter((m) => counted(m.relevance) !== counted(relevance));
    const enrichments = await stream.mentionEnrichments(
      tx,
      ctx.workspaceId,
      crossing.map((m) => m.id),
    );
    const rollupRows = crossing.map((m) => {
      const understanding = understandingOf(enrichments.get(m.id));
      return {
        queryId: m.queryId,
        sentAt: new Date(m.sentAt),
        network: m.network,
        language: m.language,
        sentiment: m.sentiment as 'positive' | 'negative' | 'neutral' | null,
        sentimentScore: m.sentimentScore,
        terms: termsOf({ authorIdentityId: m.author.identityId, understanding }),
      };
    });
    await bumpRollups(tx, ctx.workspaceId, rollupRows, counted(relevance) ? 1 : -1);
    await stream.setRelevance(tx, ctx.workspaceId, ids, relevance);
    await recordEvents(
      tx,
      mentions.map((m) => ({
        workspaceId: ctx.workspaceId,
        type: 'mention.relevance_changed',
        subjectType: 'mention',
        subjectId: m.id,
        actorId: ctx.actor.userId,
        data: { before: { relevance: m.relevance }, after: { relevance } },
      })),
    );
    return mentions.map((m) => ({ ...m, relevance }));
  });
}

/** Recent public messages a preview runs on: enough to show what a query catches, cheap enough to run per keystroke. */
export const PREVIEW_SAMPLE = 2_000;
const PREVIEW_SHOWN = 20;

export async function previewQuery(ctx: Ctx, query: string) {
  const parsed = parseQuery(query);
  if (!parsed.ok) return { ok: false, error: parsed.error, scanned: 0, matched: 0, samples: [] };
  const compiled = compileQuery(parsed.query);
  const recent = await messageFactsPage(ctx.db, ctx.workspaceId, null, PREVIEW_SAMPLE);
  const matched = recent.filter((facts) => compiled.matches(prepareMessage(matchableOf(facts))));
  return {
    ok: true,
    scanned: recent.length,
    matched: matched.length,
    samples: matched.slice(0, PREVIEW_SHOWN).map((f) => ({
      messageId: f.id,
      network: f.network,
      text: f.text.slice(0, 500),
      title: f.title,
      sentAt: f.sentAt,
      sentiment: f.understanding?.sentiment.label ?? null,
      intent: f.understanding?.intent.label ?? null,
      author: f.author.displayName ?? f.author.handle,
    })),
  };
}
