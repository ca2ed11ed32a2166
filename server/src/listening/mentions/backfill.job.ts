/**
 * Retroactive matching: a new, resumed or changed query is matched over the stored history, newest
 * first, one page per transaction. A message the text matches gets a mention unless it has one; for
 * a changed text, a message it no longer matches loses its mention, while those it still matches
 * keep theirs (id, relevance mark, intent). Re-running it is harmless, and a job for a query whose
 * text changed again meanwhile stops, because the newer change queued its own. Other changes (a new
 * name, a pause) do not stop it: its mentions still have to match the text.
 */
import { Type, type Static } from 'typebox';
import type { Db } from '../../platform/db/db.js';
import { defineJob } from '../../platform/jobs/job.js';
import { compileQuery, parseQuery, prepareMessage } from '../query/index.js';
import { findSavedQuery, holdQueryText, markBackfilled } from '../saved-queries/saved-query.repo.js';
import { matchableOf, mentionsOf, postOf, seenPostsOf, termsOf } from './mention-facts.js';
import { partReader } from './part-reader.js';
import { workspaceQueryIndex } from './query-index-cache.js';
import { loadAnalysis } from '../understanding/text-understanding.js';
import { refreshIntentModel } from '../understanding/workspace-intent-models.js';
import { forgetUnmatchedMentions, insertMentions } from './mention.repo.js';
import { recordMentionsAdded } from './mention.events.js';
import { messageFactsPage } from './message-facts.repo.js';
import { storedSeenPosts } from './seen-posts.repo.js';

const PAGE = 2_000;

const BackfillPayload = Type.Object(
  {
    queryId: Type.String(),
    /** The query's version the job was queued for, which keys it: one job per change. */
    updatedAt: Type.String(),
    /** The text to match; absent from jobs queued before it was sent, which match the query's current text. */
    query: Type.Optional(Type.String()),
    /** The text changed: mentions of messages it no longer matches go. A new or resumed query only gains mentions. */
    forgetUnmatched: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
type BackfillPayload = Static<typeof BackfillPayload>;

/**
 * Matches the query over the stored history, yielding after each page is committed (so what reads
 * mentions meanwhile, such as a spike check, can be seen against a half-matched history), and marks
 * the query backfilled once the last page is in.
 */
export async function* matchQueryHistory(
  db: Db,
  workspaceId: string,
  payload: BackfillPayload,
  now: Date,
  pageSize = PAGE,
): AsyncGenerator<void, void> {
  const { queryId } = payload;
  const row = await findSavedQuery(db, workspaceId, queryId);
  const text = payload.query ?? row?.query;
  // A job for an earlier text (changed again before it ran) leaves the work to the job the change queued.
  if (!row || row.query !== text) return;
  const parsed = parseQuery(text);
  if (!parsed.ok) return;
  const compiled = compileQuery(parsed.query);
  await loadAnalysis();
  await refreshIntentModel(db, workspaceId);
  const read = partReader(workspaceId);
  let before: { sentAt: Date; id: string } | null = null;
  for (;;) {
    const page = await messageFactsPage(db, workspaceId, before, pageSize);
    if (page.length === 0) break;
    // The workspace's other queries a message matches say which of its sentences are about this query's subject.
    const { index } = await workspaceQueryIndex(db, workspaceId);
    const matched = page.flatMap((facts) => {
      const prepared = prepareMessage(matchableOf(facts));
      if (!compiled.matches(prepared)) return [];
      return [{ facts, queryIds: [queryId, ...index.match(prepared).filter((id) => id !== queryId)] }];
    });
    // Only this query's mention of each message is stored here: the others' are stored already.
    const authors = matched.flatMap(({ facts }) => (facts.authorIdentityId ? [facts.authorIdentityId] : []));
    const heard = matched.map(({ facts }) => ({ facts, mentions: 1 }));
    const seenOf = seenPostsOf(await storedSeenPosts(db, workspaceId, authors), heard);
    const found = matched.flatMap(({ facts, queryIds }) =>
      mentionsOf(facts, seenOf(facts), queryIds, (id) => index.subjectOf(id), read, now).filter((mention) => mention.queryId === queryId),
    );
    const facts = new Map(page.map((f) => [f.id, f]));
    const stillCurrent = await db.transaction(async (tx) => {
      if (!(await holdQueryText(tx, workspaceId, queryId, text))) return false;
      if (payload.forgetUnmatched) {
        await forgetUnmatchedMentions(
          tx,
          workspaceId,
          queryId,
          { from: page.at(-1)!.sentAt, to: page[0]!.sentAt, messageIds: [...facts.keys()], stillMatched: found.map((m) => m.messageId) },
          (messageId) => ({ terms: termsOf(facts.get(messageId)!), post: postOf(facts.get(messageId)!) }),
        );
      }
      await recordMentionsAdded(tx, workspaceId, await insertMentions(tx, workspaceId, found));
      return true;
    });
    if (!stillCurrent) return;
    const last = page.at(-1)!;
    before = { sentAt: last.sentAt, id: last.id };
    if (page.length < pageSize) break;
    yield;
  }
  if ((await findSavedQuery(db, workspaceId, queryId))?.query === text) await markBackfilled(db, workspaceId, queryId, new Date());
}

export const backfillQueryJob = defineJob({
  name: 'listening.backfill-query',
  payload: BackfillPayload,
  maxAttempts: 3,
  handler: async ({ db, workspaceId, now }, payload) => {
    if (!workspaceId) return;
    const pages = matchQueryHistory(db, workspaceId, payload, now);
    while (!(await pages.next()).done);
  },
});
