import { describe, expect, it } from 'vitest';
import { staleKeys } from './use-inbox-live-updates';

const event = (type: string) => ({ id: 1, type, subjectType: 'message', subjectId: 'm1', occurredAt: '2026-12-01T10:00:00Z' });

describe('staleKeys', () => {
  it('refreshes the conversations, not only the thread, when a reply’s delivery changes (a failed one moves the SLA clocks)', () => {
    expect(staleKeys(event('message.delivery_updated'))).toEqual([
      ['conversations', 'messages'],
      ['conversations', 'list'],
      ['conversations', 'one'],
    ]);
  });
});
