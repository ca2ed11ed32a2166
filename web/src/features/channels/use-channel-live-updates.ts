/** Refreshes channel health while a channel page or the list is open, as the pipeline reports. */
import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useLiveEvent } from '../../lib/live-events';
import { channelKeys } from './api';

/**
 * Items arriving move a channel's health (items in, last success); a busy stream refreshes it at
 * most this often, the last arrival always included. Dead letters follow their own events.
 */
const ARRIVALS_REFRESH_MS = 5_000;

export function useChannelLiveUpdates() {
  const client = useQueryClient();
  const lastRefresh = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current);
    },
    [],
  );

  const refreshAfterArrivals = () => {
    if (pending.current) return;
    const refresh = () => {
      pending.current = null;
      lastRefresh.current = Date.now();
      void client.invalidateQueries({ queryKey: channelKeys.all });
    };
    const wait = lastRefresh.current + ARRIVALS_REFRESH_MS - Date.now();
    if (wait <= 0) refresh();
    else pending.current = setTimeout(refresh, wait);
  };

  useLiveEvent((event) => {
    // Refused webhook deliveries are tallied and announced at most every few seconds per channel.
    if (event.type.startsWith('channel.') || event.type === 'webhook.deliveries_refused') {
      void client.invalidateQueries({ queryKey: channelKeys.all });
    }
    if (event.type === 'conversation.created' || event.type === 'conversation.messages_added') refreshAfterArrivals();
  });
}
