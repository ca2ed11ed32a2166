import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { relationshipKeys } from '../features/relationship/api';
import { staleQueriesFor } from './live-events';
import { batchRefreshes } from './use-batched-refresh';

let client: QueryClient;

/** What a contact page, the contacts list and other pages keep in the cache. */
const CACHED: QueryKey[] = [
  ['contacts', 'list', {}, 25],
  ['contacts', 'one', 'c1'],
  relationshipKeys.relationship('c1'),
  relationshipKeys.settings,
  ['search', 'ada'],
  ['companies', 'list'],
  ['my-day'],
  ['conversations', 'list', { view: 'mine' }],
  ['conversations', 'one', 'cv1'],
];

beforeEach(() => {
  vi.useFakeTimers();
  client = new QueryClient();
  for (const key of CACHED) client.setQueryData(key, {});
});

afterEach(() => {
  client.clear();
  vi.useRealTimers();
});

/** The cached queries the live stream refreshes after `eventTypes` arrive. */
function refreshedBy(...eventTypes: string[]): QueryKey[] {
  const refresh = batchRefreshes(client, 300);
  for (const type of eventTypes) refresh(staleQueriesFor(type));
  vi.advanceTimersByTime(300);
  return CACHED.filter((key) => client.getQueryState(key)?.isInvalidated);
}

describe('live events', () => {
  it('refresh the tier and health a contact page, its relationship panel, the contacts list and the inbox show when scores change, and nothing else', () => {
    expect(refreshedBy('contact.score_changed', 'contact.score_changed')).toEqual([
      ['contacts', 'list', {}, 25],
      ['contacts', 'one', 'c1'],
      relationshipKeys.relationship('c1'),
      ['conversations', 'list', { view: 'mine' }],
    ]);
  });

  it('refresh by the type’s prefix otherwise', () => {
    expect(refreshedBy('contact.updated')).toEqual([
      ['contacts', 'list', {}, 25],
      ['contacts', 'one', 'c1'],
      ['search', 'ada'],
      ['companies', 'list'],
      ['my-day'],
    ]);
  });
});
