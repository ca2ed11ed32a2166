/** Domain events: the typed record of a change, written to the outbox in the change's transaction. */
import type { Queryable } from '../db/db.js';
import { recordset, rowsJson } from '../db/recordset.js';

export interface DomainEvent<Data = Record<string, unknown>> {
  id: number;
  workspaceId: string;
  type: string;
  subjectType: string;
  subjectId: string;
  actorId: string | null;
  data: Data;
  occurredAt: Date;
  /**
   * Published straight to the bus and never stored (who is looking at what, right now): it has no
   * outbox id, and the live stream sends its data to the members in its `audience` (none without one).
   */
  ephemeral?: true;
  audience?: RecordAudience;
}

/**
 * The members who may see the record an event is about, by the record scope: every member with
 * scope `all`, the record's owner (a conversation's assignee), and with scope `team` its team's members.
 * A stored event that only they may receive names them in its data, as `recordAudience`.
 */
export interface RecordAudience {
  ownerId: string | null;
  teamId: string | null;
}

export type NewEvent = Omit<DomainEvent, 'id' | 'occurredAt' | 'ephemeral' | 'audience'>;

const EVENT_COLUMNS = [
  ['workspace_id', 'uuid', 'workspaceId'],
  ['type', 'text', 'type'],
  ['subject_type', 'text', 'subjectType'],
  ['subject_id', 'text', 'subjectId'],
  ['actor_id', 'uuid', 'actorId'],
  ['data', 'jsonb', 'data'],
] as const satisfies readonly (readonly [string, string, keyof NewEvent])[];

/** One statement whatever the count, so its plan is made once (a VALUES list per count was parsed and planned each time). */
const EVENTS = recordset(EVENT_COLUMNS, 1);
const RECORD_EVENTS = `INSERT INTO events (${EVENTS.names}) SELECT ${EVENTS.names} FROM ${EVENTS.from}`;

export async function recordEvents(tx: Queryable, events: readonly NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.query(RECORD_EVENTS, [rowsJson(events)]);
}

/** A relay pass's events by workspace, each workspace's in outbox order: how handlers of many events split their work. */
export function eventsByWorkspace<E extends { workspaceId: string }>(events: readonly E[]): Map<string, E[]> {
  const byWorkspace = new Map<string, E[]>();
  for (const event of events) {
    const inWorkspace = byWorkspace.get(event.workspaceId);
    if (inWorkspace) inWorkspace.push(event);
    else byWorkspace.set(event.workspaceId, [event]);
  }
  return byWorkspace;
}

/** A before/after pair for the audit trail, keeping only the fields that changed. */
export function changes<T extends object>(before: T, after: T): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
