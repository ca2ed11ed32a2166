/**
 * Collision detection: who has a conversation open, and who is typing a reply. Presence is
 * ephemeral — kept in this process's memory, never stored, and forgotten when a member stops
 * renewing it — and every change is pushed to the live stream of the members who may see the
 * conversation.
 */
import type { EventBus } from '../platform/events/bus.js';
import type { RecordAudience } from '../platform/events/event.js';
import type { Viewer } from './conversation.schema.js';

/** Clients renew every ~10 s; a member silent for longer than this has closed the tab. */
export const PRESENCE_TTL_MS = 30_000;

export type PresenceActivity = Viewer['activity'] | 'left';

interface Entry {
  name: string;
  activity: Viewer['activity'];
  timer: NodeJS.Timeout;
}

export interface Presence {
  viewers(workspaceId: string, conversationId: string): Viewer[];
  /** `audience`: who may see the conversation now (its assignee and team), who alone are told. */
  update(
    workspaceId: string,
    conversationId: string,
    member: { userId: string; name: string },
    activity: PresenceActivity,
    audience: RecordAudience,
  ): Promise<void>;
}

export function createPresence(bus: EventBus, ttlMs = PRESENCE_TTL_MS): Presence {
  const rooms = new Map<string, Map<string, Entry>>();
  const key = (workspaceId: string, conversationId: string) => `${workspaceId}/${conversationId}`;

  function viewers(workspaceId: string, conversationId: string): Viewer[] {
    const room = rooms.get(key(workspaceId, conversationId));
    if (!room) return [];
    return [...room].map(([userId, e]) => ({ userId, name: e.name, activity: e.activity }));
  }

  function remove(workspaceId: string, conversationId: string, userId: string): void {
    const room = rooms.get(key(workspaceId, conversationId));
    const entry = room?.get(userId);
    if (!room || !entry) return;
    clearTimeout(entry.timer);
    room.delete(userId);
    if (room.size === 0) rooms.delete(key(workspaceId, conversationId));
  }

  async function publish(
    workspaceId: string,
    conversationId: string,
    userId: string,
    name: string,
    activity: PresenceActivity,
    audience: RecordAudience,
  ) {
    await bus.publish([
      {
        id: 0,
        ephemeral: true,
        audience,
        workspaceId,
        type: 'conversation.presence',
        subjectType: 'conversation',
        subjectId: conversationId,
        actorId: userId,
        data: { conversationId, userId, name, activity, viewers: viewers(workspaceId, conversationId) },
        occurredAt: new Date(),
      },
    ]);
  }

  async function update(
    workspaceId: string,
    conversationId: string,
    member: { userId: string; name: string },
    activity: PresenceActivity,
    audience: RecordAudience,
  ) {
    const room = rooms.get(key(workspaceId, conversationId));
    const previous = room?.get(member.userId);
    remove(workspaceId, conversationId, member.userId);
    if (activity !== 'left') {
      const timer = setTimeout(() => {
        remove(workspaceId, conversationId, member.userId);
        void publish(workspaceId, conversationId, member.userId, member.name, 'left', audience);
      }, ttlMs);
      timer.unref();
      const current = rooms.get(key(workspaceId, conversationId)) ?? new Map<string, Entry>();
      current.set(member.userId, { name: member.name, activity, timer });
      rooms.set(key(workspaceId, conversationId), current);
      // A renewal that changes nothing is not news.
      if (previous?.activity === activity) return;
    } else if (!previous) {
      return;
    }
    await publish(workspaceId, conversationId, member.userId, member.name, activity, audience);
  }

  return { viewers, update };
}
