/**
 * One event per query per batch rather than one per mention: a stream open on a query learns that
 * new mentions arrived (and how many), and fetches them; a firehose cannot flood the event relay.
 */
import type { Queryable } from '../../platform/db/db.js';
import { recordEvents } from '../../platform/events/event.js';
import type { NewMention } from './mention.repo.js';

const IDS_PER_EVENT = 100;

export async function recordMentionsAdded(tx: Queryable, workspaceId: string, mentions: readonly NewMention[]): Promise<void> {
  const byQuery = new Map<string, NewMention[]>();
  for (const m of mentions) byQuery.set(m.queryId, [...(byQuery.get(m.queryId) ?? []), m]);
  await recordEvents(
    tx,
    [...byQuery].map(([queryId, list]) => ({
      workspaceId,
      type: 'listening.mentions_added',
      subjectType: 'listening_query',
      subjectId: queryId,
      actorId: null,
      data: {
        count: list.length,
        mentionIds: list.slice(0, IDS_PER_EVENT).map((m) => m.id),
        negative: list.filter((m) => m.sentiment === 'negative').length,
      },
    })),
  );
}
