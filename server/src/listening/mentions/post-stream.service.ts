/**
 * Use cases for the stream read a card per post: its pages, how many posts it holds (counted up to
 * a bound, so a count stays as cheap as reading that many posts) and its CSV export.
 */
import type { Ctx } from '../../platform/context.js';
import { cursorNotGivenOut, decodeOrderedCursor, encodeCursor, isCursorId, isCursorInstant } from '../../platform/http/cursor.js';
import { csvLine } from '../../platform/text/csv.js';
import type { MentionedPost, MentionListQuery, StreamFilter } from './mention.schema.js';
import { streamFilterOf } from './mention.service.js';
import { POST_COLUMNS, postCells } from './post-export.js';
import * as posts from './post-stream.repo.js';

/** Cursors of this list name its order: a mention stream's cursor (by mention id) is no position here. */
const ORDER = 'posts';

const instantOf = (at: Date | string) => (at instanceof Date ? at.toISOString() : String(at));

export async function listPosts(ctx: Ctx, query: MentionListQuery) {
  const { limit: rawLimit, cursor, ...filter } = query;
  const checked = streamFilterOf(filter);
  const limit = rawLimit ?? 50;
  const after = decodeOrderedCursor(cursor, [ORDER]);
  if (after && (!isCursorInstant(after.v) || !isCursorId(after.id))) throw cursorNotGivenOut();
  const before = after ? { sentAt: String(after.v), messageId: after.id } : null;
  const result = await posts.listPosts(ctx.db, ctx.workspaceId, checked, before, limit);
  const last = result.rows.at(-1);
  return {
    data: result.rows,
    nextCursor: result.hasMore && last ? encodeCursor({ v: instantOf(last.sentAt), id: last.messageId }, ORDER) : null,
  };
}

/** Posts counted exactly up to here; past it the stream says "more than 10,000". */
export const POST_COUNT_BOUND = 10_000;
/** How long a count reads; past it, it says "more than" the posts it found. */
export const POST_COUNT_BUDGET_MS = 150;
const FIRST_COUNT_STEP = 100;

/**
 * How many posts the stream holds: counted as pages are read, in steps that double (so a step
 * costs at most what all before it did), exactly until the stream ends, its bound is passed or the
 * time is spent. A stream whose posts are rare among those walked (a word in 1 % of posts) costs
 * its walk per post found: counting 10,000 such posts read a million mentions (7 s at 5,000,000).
 */
export async function countPosts(
  ctx: Ctx,
  filter: StreamFilter,
  budgetMs = POST_COUNT_BUDGET_MS,
): Promise<{ count: number; exact: boolean }> {
  const checked = streamFilterOf(filter);
  const started = performance.now();
  let counted = 0;
  let before: posts.PostPosition | null = null;
  for (let step = FIRST_COUNT_STEP; ; step *= 2) {
    const take = Math.min(step, POST_COUNT_BOUND + 1 - counted);
    const found = await posts.postPositions(ctx.db, ctx.workspaceId, checked, before, take);
    counted += found.length;
    if (found.length < take) return { count: counted, exact: true };
    if (counted > POST_COUNT_BOUND) return { count: POST_COUNT_BOUND, exact: false };
    if (performance.now() - started >= budgetMs) return { count: counted, exact: false };
    const last = found.at(-1)!;
    before = { sentAt: instantOf(last.sentAt), messageId: last.messageId };
  }
}

/** The most posts one export holds: the newest, as the stream shows them. */
export const POST_EXPORT_CAP = 50_000;
const EXPORT_BATCH = 1_000;

/**
 * The stream's posts as CSV (a BOM first, so spreadsheets read UTF-8), newest first, up to
 * POST_EXPORT_CAP, read a batch at a time so the download starts at once and never sits in memory.
 * The filters are checked before anything is sent.
 */
export async function exportPosts(ctx: Ctx, filter: StreamFilter, cap = POST_EXPORT_CAP): Promise<AsyncGenerator<string>> {
  const checked = streamFilterOf(filter);
  async function* lines(): AsyncGenerator<string> {
    yield '\ufeff' + csvLine(POST_COLUMNS);
    let before: posts.PostPosition | null = null;
    for (let written = 0; written < cap;) {
      const batch: { rows: MentionedPost[]; hasMore: boolean } = await posts.listPosts(
        ctx.db,
        ctx.workspaceId,
        checked,
        before,
        Math.min(EXPORT_BATCH, cap - written),
      );
      if (batch.rows.length > 0) yield batch.rows.map((post) => csvLine(postCells(post))).join('');
      written += batch.rows.length;
      const last = batch.rows.at(-1);
      if (!batch.hasMore || !last) break;
      before = { sentAt: instantOf(last.sentAt), messageId: last.messageId };
    }
  }
  return lines();
}
