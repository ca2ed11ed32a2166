/**
 * Fills the hourly breakdowns and terms (migration listening/010) from the mentions stored before
 * them, with the code that keeps them: the terms come from each message's stored analysis through
 * termsOf, as the pipeline took them, rather than from a second copy of its rules in SQL.
 */
import type { Queryable } from '../../platform/db/db.js';
import { termsOf, understandingOf } from './mention-facts.js';
import { bumpHourlyDetails, type RolledUpMention } from './mention.repo.js';

/** Mentions per read: a page's messages' analyses held at once. */
const PAGE = 5_000;

interface StoredMention {
  workspaceId: string;
  id: string;
  queryId: string;
  authorIdentityId: string | null;
  network: string;
  language: string | null;
  sentiment: RolledUpMention['sentiment'];
  sentimentScore: number | null;
  sentAt: Date;
  nlp: unknown;
}

export async function backfillHourlyDetails(tx: Queryable): Promise<void> {
  let after: { workspaceId: string; id: string } | null = null;
  for (;;) {
    const { rows }: { rows: StoredMention[] } = await tx.query<StoredMention>(
      `SELECT mn.workspace_id AS "workspaceId", mn.id, mn.query_id AS "queryId", mn.author_identity_id AS "authorIdentityId",
              mn.network, mn.language, mn.sentiment, mn.sentiment_score AS "sentimentScore", mn.sent_at AS "sentAt",
              m.enrichment->'nlp' AS nlp
         FROM mentions mn JOIN messages m ON m.workspace_id = mn.workspace_id AND m.id = mn.message_id
        WHERE mn.relevance <> 'irrelevant' ${after ? 'AND (mn.workspace_id, mn.id) > ($2::uuid, $3::uuid)' : ''}
        ORDER BY mn.workspace_id, mn.id LIMIT $1`,
      after ? [PAGE, after.workspaceId, after.id] : [PAGE],
    );
    const byWorkspace = new Map<string, RolledUpMention[]>();
    for (const row of rows) {
      const mentions = byWorkspace.get(row.workspaceId) ?? [];
      mentions.push({
        ...row,
        terms: termsOf({ authorIdentityId: row.authorIdentityId, understanding: understandingOf({ nlp: row.nlp }) }),
      });
      byWorkspace.set(row.workspaceId, mentions);
    }
    for (const [workspaceId, mentions] of byWorkspace) await bumpHourlyDetails(tx, workspaceId, mentions, 1);
    if (rows.length < PAGE) return;
    after = rows.at(-1)!;
  }
}
