import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { batchRefreshes } from './use-batched-refresh';

let client: QueryClient;

beforeEach(() => {
  vi.useFakeTimers();
  client = new QueryClient();
  for (const key of [['contacts', 'list'], ['contacts', 'one', 'c1'], ['timeline'], ['my-day']]) client.setQueryData(key, {});
});

afterEach(() => {
  client.clear();
  vi.useRealTimers();
});

const isStale = (key: QueryKey) => client.getQueryState(key)?.isInvalidated ?? false;

describe('batchRefreshes', () => {
  it('refreshes nothing until the delay after the first event, then everything the burst named', () => {
    const refresh = batchRefreshes(client, 300);
    refresh([['contacts']]);
    vi.advanceTimersByTime(200);
    refresh([['timeline']]);
    vi.advanceTimersByTime(99);
    expect(isStale(['contacts', 'list'])).toBe(false);
    expect(isStale(['timeline'])).toBe(false);

    vi.advanceTimersByTime(1);
    expect(isStale(['contacts', 'list'])).toBe(true);
    expect(isStale(['contacts', 'one', 'c1'])).toBe(true);
    expect(isStale(['timeline'])).toBe(true);
    expect(isStale(['my-day'])).toBe(false);
  });

  it('refreshes a query once however many events of the burst named it', () => {
    const invalidate = vi.spyOn(client, 'invalidateQueries');
    const refresh = batchRefreshes(client, 300);
    for (let event = 0; event < 1_000; event++) refresh([['contacts'], ['my-day']]);
    vi.advanceTimersByTime(300);
    expect(invalidate.mock.calls).toEqual([[{ queryKey: ['contacts'] }], [{ queryKey: ['my-day'] }]]);
  });

  it('makes the next burst wait a full delay again, with only what it named', () => {
    const invalidate = vi.spyOn(client, 'invalidateQueries');
    const refresh = batchRefreshes(client, 1_000);
    refresh([['contacts']]);
    vi.advanceTimersByTime(1_000);
    refresh([['timeline']]);
    vi.advanceTimersByTime(999);
    expect(invalidate).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(invalidate.mock.calls).toEqual([[{ queryKey: ['contacts'] }], [{ queryKey: ['timeline'] }]]);
  });

  it('starts no delay for an event that made nothing stale', () => {
    const invalidate = vi.spyOn(client, 'invalidateQueries');
    const refresh = batchRefreshes(client, 300);
    refresh([]);
    vi.advanceTimersByTime(200);
    refresh([['timeline']]);
    vi.advanceTimersByTime(299);
    expect(invalidate).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(invalidate).toHaveBeenCalledTimes(1);
  });

  it('drops the waiting refresh when cancelled, as when its component unmounts', () => {
    const invalidate = vi.spyOn(client, 'invalidateQueries');
    const refresh = batchRefreshes(client, 300);
    refresh([['contacts']]);
    refresh.cancel();
    vi.advanceTimersByTime(10_000);
    expect(invalidate).not.toHaveBeenCalled();
  });

  it('after a cancel, refreshes only what later events name, a full delay after them (React remounts effects in development)', () => {
    const invalidate = vi.spyOn(client, 'invalidateQueries');
    const refresh = batchRefreshes(client, 300);
    refresh([['contacts']]);
    vi.advanceTimersByTime(100);
    refresh.cancel();
    vi.advanceTimersByTime(100);
    refresh([['timeline']]);
    vi.advanceTimersByTime(299);
    expect(invalidate).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(invalidate.mock.calls).toEqual([[{ queryKey: ['timeline'] }]]);
  });
});
