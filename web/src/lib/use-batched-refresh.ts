/**
 * Gathers the cached queries that live events make stale and refreshes them together a fixed delay
 * after the first of a burst, each query once however many events named it. An import of 10,000
 * contacts then costs a few refetches, not 10,000. Unlike `throttle`, the first event waits too:
 * events come in bursts, and refetching on the first would only be repeated at the delay's end.
 */
import { useEffect, useMemo } from 'react';
import { useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';

export interface BatchedRefresh {
  (keys: readonly QueryKey[]): void;
  /** Drops the refresh waiting for the delay's end. */
  cancel(): void;
}

export function batchRefreshes(client: QueryClient, delayMs: number): BatchedRefresh {
  // Keyed by the serialised query key: the same key from two events is refreshed once.
  const stale = new Map<string, QueryKey>();
  let pending: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    pending = null;
    const keys = [...stale.values()];
    stale.clear();
    keys.forEach((queryKey) => void client.invalidateQueries({ queryKey }));
  };
  const refresh = (keys: readonly QueryKey[]) => {
    if (keys.length === 0) return;
    keys.forEach((key) => stale.set(JSON.stringify(key), key));
    pending ??= setTimeout(flush, delayMs);
  };
  refresh.cancel = () => {
    if (pending) clearTimeout(pending);
    pending = null;
    stale.clear();
  };
  return refresh;
}

/** `batchRefreshes` for a component: a waiting refresh is dropped when the component unmounts. */
export function useBatchedRefresh(delayMs: number): (keys: readonly QueryKey[]) => void {
  const client = useQueryClient();
  const refresh = useMemo(() => batchRefreshes(client, delayMs), [client, delayMs]);
  useEffect(() => refresh.cancel, [refresh]);
  return refresh;
}
