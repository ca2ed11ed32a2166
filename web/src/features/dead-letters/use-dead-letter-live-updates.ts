/** Refreshes an open dead-letter list as the server records new, returning, replayed or discarded dead letters. */
import { useQueryClient } from '@tanstack/react-query';
import { useLiveEvent } from '../../lib/live-events';
import { useThrottled } from '../../lib/use-throttled';

/** A flood of bad items refreshes the list at most this often, the last one always included. */
const REFRESH_MS = 2_000;

export function useDeadLetterLiveUpdates() {
  const client = useQueryClient();
  const refresh = useThrottled(() => void client.invalidateQueries({ queryKey: ['dead-letters'] }), REFRESH_MS);
  useLiveEvent((event) => {
    if (event.type.startsWith('dead_letter.')) refresh();
  });
}
