/** Refreshes channel health while a channel page or the list is open, as the pipeline reports. */
import { useQueryClient } from '@tanstack/react-query';
import { useLiveEvent } from '../../lib/live-events';
import { useThrottled } from '../../lib/use-throttled';
import { channelKeys } from './api';

/**
 * Items arriving move a channel's health (items in, last success); a busy stream refreshes it at
 * most this often, the last arrival always included. Dead letters follow their own events.
 */
const ARRIVALS_REFRESH_MS = 5_000;

export function useChannelLiveUpdates() {
  const client = useQueryClient();
  const refreshAfterArrivals = useThrottled(() => void client.invalidateQueries({ queryKey: channelKeys.all }), ARRIVALS_REFRESH_MS);

  useLiveEvent((event) => {
    // Refused webhook deliveries are tallied and announced at most every few seconds per channel.
    if (event.type.startsWith('channel.') || event.type === 'webhook.deliveries_refused') {
      void client.invalidateQueries({ queryKey: channelKeys.all });
    }
    if (event.type === 'conversation.created' || event.type === 'conversation.messages_added') refreshAfterArrivals();
  });
}
