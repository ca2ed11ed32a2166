/** Keeps the listening pages' queries and alerts current from the live stream, a few refetches per burst. */
import { useEffect, useRef } from 'react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useLiveEvent } from '../../lib/live-events';
import { staleListeningKeys } from './listening-live';

const FLUSH_MS = 1000;

export function useListeningLiveUpdates() {
  const client = useQueryClient();
  const pending = useRef(new Map<string, QueryKey>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  useLiveEvent((event) => {
    const keys = staleListeningKeys(event.type);
    if (keys.length === 0) return;
    keys.forEach((key) => pending.current.set(JSON.stringify(key), key));
    timer.current ??= setTimeout(() => {
      timer.current = null;
      const batch = [...pending.current.values()];
      pending.current.clear();
      batch.forEach((queryKey) => void client.invalidateQueries({ queryKey }));
    }, FLUSH_MS);
  });
}
