/** Refreshes channel health and dead letters while a channel page is open, as the pipeline reports. */
import { useQueryClient } from '@tanstack/react-query';
import { useLiveEvent } from '../../lib/live-events';

export function useChannelLiveUpdates() {
  const client = useQueryClient();
  useLiveEvent((event) => {
    if (event.type.startsWith('channel.')) void client.invalidateQueries({ queryKey: ['channels'] });
    if (event.type.startsWith('dead_letter.')) void client.invalidateQueries({ queryKey: ['dead-letters'] });
  });
}
