/** Keeps the listening pages' queries and alerts current from the live stream, a few refetches per burst. */
import { useLiveEvent } from '../../lib/live-events';
import { useBatchedRefresh } from '../../lib/use-batched-refresh';
import { staleListeningKeys } from './listening-live';

const FLUSH_MS = 1000;

export function useListeningLiveUpdates() {
  const refreshStale = useBatchedRefresh(FLUSH_MS);
  useLiveEvent((event) => refreshStale(staleListeningKeys(event.type)));
}
