/** Refreshes an open dead-letter list as the server records new, returning, replayed or discarded dead letters. */
import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useLiveEvent } from '../../lib/live-events';

/** A flood of bad items refreshes the list at most this often, the last one always included. */
const REFRESH_MS = 2_000;

export function useDeadLetterLiveUpdates() {
  const client = useQueryClient();
  const lastRefresh = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current);
    },
    [],
  );

  useLiveEvent((event) => {
    if (!event.type.startsWith('dead_letter.') || pending.current) return;
    const refresh = () => {
      pending.current = null;
      lastRefresh.current = Date.now();
      void client.invalidateQueries({ queryKey: ['dead-letters'] });
    };
    const wait = lastRefresh.current + REFRESH_MS - Date.now();
    if (wait <= 0) refresh();
    else pending.current = setTimeout(refresh, wait);
  });
}
