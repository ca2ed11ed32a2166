import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { directionOf, renderMarkup } from '../../ui/render-markup.testing';
import { ConversationRow } from './ConversationRow';
import type { Conversation } from './types';

// Arabic with a Latin product name: read left to right, "Rapport" lands at the wrong end of the sentence.
const ARABIC = 'لا يعمل Rapport منذ الصباح';

const conversation: Conversation = {
  id: 'c',
  network: 'mastodon',
  channelId: null,
  replyUnavailable: null,
  replyLimit: { max: 500, counting: 'mastodon' },
  subject: 'مشكلة في Rapport',
  status: 'open',
  snoozedUntil: null,
  priority: 'urgent',
  assigneeId: null,
  teamId: null,
  labels: [],
  isPrivate: false,
  isSpam: false,
  mergedIntoId: null,
  preview: ARABIC,
  messageCount: 1,
  lastMessageAt: '2026-01-01T10:00:00Z',
  lastInboundAt: null,
  identity: {
    id: 'i',
    network: 'mastodon',
    handle: '@noor',
    displayName: 'نور حداد',
    profileUrl: null,
    avatarUrl: null,
    email: null,
    followers: null,
  },
  contactId: null,
  contact: null,
  sla: { firstResponseDueAt: null, nextResponseDueAt: null, resolutionDueAt: null, firstRespondedAt: null, breached: [] },
  createdAt: '2026-01-01T10:00:00Z',
  updatedAt: '2026-01-01T10:00:00Z',
};

describe('a conversation in the list', () => {
  it('takes its direction from its own script in the conversation list: name, subject and preview', () => {
    const markup = renderMarkup(
      createElement(ConversationRow, {
        conversation,
        href: '/inbox/c',
        active: false,
        selected: false,
        onSelect: () => {},
        assigneeName: null,
      }),
    );
    expect(directionOf(markup, 'نور حداد')).toBe('auto');
    expect(directionOf(markup, 'مشكلة في Rapport')).toBe('auto');
    expect(directionOf(markup, ARABIC)).toBe('auto');
  });

  it('shows a priority by its name', () => {
    const markup = renderMarkup(
      createElement(ConversationRow, {
        conversation,
        href: '/inbox/c',
        active: false,
        selected: false,
        onSelect: () => {},
        assigneeName: null,
      }),
    );
    expect(markup).toContain('>Urgent<');
    expect(markup).not.toContain('>urgent<');
  });
});
