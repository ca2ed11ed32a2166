/** For web unit tests: a conversation as the API returns it, with what the test cares about changed. */
import type { Conversation } from './types';

export function aConversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: 'c',
    network: 'email',
    channelId: null,
    replyUnavailable: null,
    replyLimit: null,
    subject: 'Export times out',
    status: 'open',
    snoozedUntil: null,
    priority: 'normal',
    assigneeId: null,
    teamId: null,
    labels: [],
    isPrivate: false,
    isSpam: false,
    mergedIntoId: null,
    preview: '',
    messageCount: 1,
    lastMessageAt: '2026-01-01T10:00:00Z',
    lastInboundAt: null,
    identity: null,
    contactId: null,
    contact: null,
    sla: { firstResponseDueAt: null, nextResponseDueAt: null, resolutionDueAt: null, firstRespondedAt: null, breached: [] },
    createdAt: '2026-01-01T10:00:00Z',
    updatedAt: '2026-01-01T10:00:00Z',
    ...overrides,
  };
}
