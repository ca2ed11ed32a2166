/**
 * Retroactive matching: a new or changed query is matched over the stored history, newest first,
 * one page per transaction. Re-running it is harmless (a mention is recorded once), and a job for
 * a query that changed again meanwhile stops, because the newer change queued its own.
 */
import { Type } from 'typebox';
import { defineJob } from '../../platform/jobs/job.js';
import { compileQuery, parseQuery, prepareMessage } from '../query/index.js';
import { findSavedQuery, holdQueryVersion, markBackfilled } from '../saved-queries/saved-query.repo.js';
import { matchableOf, mentionsOf } from './mention-facts.js';
import { partReader } from './part-reader.js';
import { workspaceQueryIndex } from './query-index-cache.js';
import { loadAnalysis } from '../understanding/text-understanding.js';
import { refreshIntentModel } from '../understanding/workspace-intent-models.js';
import { insertMentions } from './mention.repo.js';
import { recordMentionsAdded } from './mention.events.js';
import { messageFactsPage } from './message-facts.repo.js';

const PAGE = 2_000;

export const backfillQueryJob = defineJob({
  name: 'listening.backfill-query',
  payload: Type.Object({ queryId: Type.String(), updatedAt: Type.String() }, { additionalProperties: false }),
  maxAttempts: 3,
  handler: async ({ db, workspaceId, now }, { queryId, updatedAt }) => {
    if (!workspaceId) return;
    const current = async () => {
      const row = await findSavedQuery(db, workspaceId, queryId);
      return row && row.isActive && row.updatedAt.toISOString() === updatedAt ? row : null;
    };
    const row = await current();
    if (!row) return;
    const parsed = parseQuery(row.query);
    if (!parsed.ok) return;
    const compiled = compileQuery(parsed.query);
    await loadAnalysis();
    await refreshIntentModel(db, workspaceId);
    const read = partReader(workspaceId);
    let before: { sentAt: Date; id: string } | null = null;
    for (;;) {
      const page = await messageFactsPage(db, workspaceId, before, PAGE);
      if (page.length === 0) break;
      // The workspace's other queries a message matches say which of its sentences are about this query's subject.
      const { index } = await workspaceQueryIndex(db, workspaceId);
      const found = page.flatMap((facts) => {
        const prepared = prepareMessage(matchableOf(facts));
        if (!compiled.matches(prepared)) return [];
        const matched = [queryId, ...index.match(prepared).filter((id) => id !== queryId)];
        return mentionsOf(facts, matched, (id) => index.subjectOf(id), read, now).filter((mention) => mention.queryId === queryId);
      });
      const stillCurrent = await db.transaction(async (tx) => {
        if (!(await holdQueryVersion(tx, workspaceId, queryId, updatedAt))) return false;
        await recordMentionsAdded(tx, workspaceId, await insertMentions(tx, workspaceId, found));
        return true;
      });
      if (!stillCurrent) return;
      const last = page.at(-1)!;
      before = { sentAt: last.sentAt, id: last.id };
      if (page.length < PAGE) break;
    }
    if (await current()) await markBackfilled(db, workspaceId, queryId, new Date());
  },
});
