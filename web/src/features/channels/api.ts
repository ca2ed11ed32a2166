/** Server state for channels: the list, one channel's health, and the actions on it. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { List } from '../../lib/types';
import type { Channel, ChannelChange, ConnectionTest, NewChannel } from './types';

export const channelKeys = {
  all: ['channels'] as const,
  one: (id: string) => ['channels', 'one', id] as const,
};

/** `watchHealth`: re-read while shown, as health moves on its own (polls fail, lag grows). */
export function useChannels({ watchHealth = false } = {}) {
  return useQuery({
    queryKey: channelKeys.all,
    queryFn: ({ signal }) => api<List<Channel>>('/channels?limit=500', { signal }),
    select: (list) => [...list.data].sort((a, b) => a.name.localeCompare(b.name)),
    // The list other pages cached (the inbox's channel filter) may hold health from before a reply went out.
    staleTime: watchHealth ? 0 : 30_000,
    refetchInterval: watchHealth ? 30_000 : false,
  });
}

export function useChannel(id: string) {
  return useQuery({
    queryKey: channelKeys.one(id),
    queryFn: ({ signal }) => api<Channel>(`/channels/${id}`, { signal }),
    // Health moves on its own (polls, lag), so it is re-read while the page is open.
    refetchInterval: 30_000,
  });
}

function useRefreshChannels() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: channelKeys.all });
}

export function useCreateChannel() {
  const refresh = useRefreshChannels();
  return useMutation({
    mutationFn: (input: NewChannel) => api<Channel>('/channels', { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

export function useChangeChannel(id: string) {
  const refresh = useRefreshChannels();
  return useMutation({
    mutationFn: (change: ChannelChange) => api<Channel>(`/channels/${id}`, { method: 'PATCH', body: change }),
    onSuccess: refresh,
  });
}

export function useSetChannelPaused() {
  const refresh = useRefreshChannels();
  return useMutation({
    mutationFn: ({ id, paused }: { id: string; paused: boolean }) =>
      api<Channel>(`/channels/${id}/${paused ? 'pause' : 'resume'}`, { method: 'POST' }),
    onSuccess: refresh,
  });
}

export function useDeleteChannel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/channels/${id}`, { method: 'DELETE' }),
    onSuccess: (_result, id) => {
      client.removeQueries({ queryKey: channelKeys.one(id) });
      void client.invalidateQueries({ queryKey: channelKeys.all });
    },
  });
}

export function useTestChannel() {
  return useMutation({
    mutationFn: (id: string) => api<ConnectionTest>(`/channels/${id}/test`, { method: 'POST' }),
  });
}
