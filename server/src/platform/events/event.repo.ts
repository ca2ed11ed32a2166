/** Reading the outbox: stored events as domain events, for the relay and for the live stream's replay. */
import type { Queryable } from '../db/db.js';
import type { DomainEvent } from './event.js';

export interface EventRow {
  id: number | string;
  workspace_id: string;
  type: string;
  subject_type: string;
  subject_id: string;
  actor_id: string | null;
  data: Record<string, unknown>;
  occurred_at: Date;
}

export const EVENT_ROW_COLUMNS = 'id, workspace_id, type, subject_type, subject_id, actor_id, data, occurred_at';

export function toDomainEvent(row: EventRow): DomainEvent {
  return {
    id: Number(row.id),
    workspaceId: row.workspace_id,
    type: row.type,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    actorId: row.actor_id,
    data: row.data,
    occurredAt: row.occurred_at,
  };
}

/** The workspace's committed events after the one with id `afterId`, oldest first, at most `limit`. */
export async function findEventsAfter(db: Queryable, workspaceId: string, afterId: string, limit: number): Promise<DomainEvent[]> {
  const { rows } = await db.query<EventRow>(
    `SELECT ${EVENT_ROW_COLUMNS} FROM events WHERE workspace_id = $1 AND id > $2::bigint ORDER BY id LIMIT $3`,
    [workspaceId, afterId, limit],
  );
  return rows.map(toDomainEvent);
}

/** The id of the workspace's newest event, if it has any. */
export async function findLastEventId(db: Queryable, workspaceId: string): Promise<number | null> {
  const { rows } = await db.query<{ id: number | string | null }>('SELECT max(id) AS id FROM events WHERE workspace_id = $1', [
    workspaceId,
  ]);
  return rows[0]?.id == null ? null : Number(rows[0].id);
}
