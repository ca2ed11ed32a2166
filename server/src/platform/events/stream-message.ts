/**
 * What a member receives of an event on the live stream, written as a server-sent message. The one
 * rule for live events and for the replay after a reconnect, so a replay shows nothing live would not.
 */
import type { Actor } from '../context.js';
import type { Principal } from '../auth/principal.js';
import type { DomainEvent, RecordAudience } from './event.js';

/** Told instead of a replay when more was missed than is replayed: the client refetches what it shows. */
export const REFETCH_EVENT = 'stream.refetch';

/**
 * The record scope's rule, as the inbox applies it to conversations (`conversationScope`): scope
 * `all` sees every record, `own` those it owns, `team` also its teams' ones.
 */
function inAudience(actor: Actor, audience: RecordAudience): boolean {
  if (actor.recordScope === 'all' || actor.kind === 'system') return true;
  if (audience.ownerId !== null && audience.ownerId === actor.userId) return true;
  return actor.recordScope === 'team' && audience.teamId !== null && actor.teamIds.includes(audience.teamId);
}

/**
 * Who may receive a stored event, when its data names them (`recordAudience`): the record's owner and
 * team when the change was made. A replay goes by them too, so it shows what live would have shown.
 */
function storedAudience(event: DomainEvent): RecordAudience | null {
  const audience = event.data.recordAudience as Partial<RecordAudience> | undefined;
  if (!audience || typeof audience !== 'object') return null;
  return { ownerId: audience.ownerId ?? null, teamId: audience.teamId ?? null };
}

/** The message for `principal`, or null when the event is not theirs to receive. */
export function streamMessage(principal: Principal, event: DomainEvent): string | null {
  if (event.workspaceId !== principal.workspaceId) return null;
  const { type, subjectType, subjectId, occurredAt } = event;
  if (event.ephemeral) {
    // Its data says who is doing what on a record: only for those who may see the record.
    if (!event.audience || !inAudience(principal, event.audience)) return null;
    return `event: ${type}\ndata: ${JSON.stringify({ type, subjectType, subjectId, occurredAt, ...event.data })}\n\n`;
  }
  const audience = storedAudience(event);
  if (audience && !inAudience(principal, audience)) return null;
  let payload: Record<string, unknown> = { id: event.id, type, subjectType, subjectId, occurredAt };
  if (type === 'notification.created') {
    if (event.data.userId !== principal.userId) return null;
    payload = { ...payload, notification: event.data };
  }
  return `id: ${event.id}\nevent: ${type}\ndata: ${JSON.stringify(payload)}\n\n`;
}

/** The refetch message; its id is the workspace's newest event, where the client resumes from. */
export function refetchMessage(workspaceId: string, lastEventId: number, at: Date): string {
  const payload = { id: lastEventId, type: REFETCH_EVENT, subjectType: 'workspace', subjectId: workspaceId, occurredAt: at };
  return `id: ${lastEventId}\nevent: ${REFETCH_EVENT}\ndata: ${JSON.stringify(payload)}\n\n`;
}
