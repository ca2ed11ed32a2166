/** The dead letters of the workspace or of one channel, latest arrival first, narrowed by the filters; live. */
import { Loader, Stack, Text } from '@mantine/core';
import { LoadMore } from '../../ui/LoadMore';
import { QueryError } from '../../ui/QueryError';
import { usePermissions } from '../auth/permissions';
import { useChannels } from '../channels/api';
import { useDeadLetters } from './api';
import { DeadLetterRow } from './DeadLetterRow';
import type { DeadLetterFilters } from './types';
import { useDeadLetterLiveUpdates } from './use-dead-letter-live-updates';

export function DeadLettersList({ filters = {} }: { filters?: DeadLetterFilters }) {
  const { channelId } = filters;
  const list = useDeadLetters(filters);
  const channels = useChannels();
  const { isAdmin } = usePermissions();
  useDeadLetterLiveUpdates();
  const rows = list.data?.pages.flatMap((page) => page.data) ?? [];
  const channelName = (id: string | null) => (channelId || !id ? null : (channels.data?.find((c) => c.id === id)?.name ?? null));
  if (list.isPending) return <Loader size="sm" aria-label="Loading dead letters" />;
  if (list.isError) return <QueryError title="Could not load dead letters" error={list.error} onRetry={() => void list.refetch()} />;
  if (rows.length === 0) {
    const filtered = filters.code !== undefined || filters.resolved !== undefined;
    return (
      <Text size="sm" c="dimmed">
        {filtered ? 'No dead letters match these filters.' : 'No dead letters: every item was taken.'}
      </Text>
    );
  }
  return (
    <>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Dead letters">
        {rows.map((deadLetter) => (
          <DeadLetterRow key={deadLetter.id} deadLetter={deadLetter} channelName={channelName(deadLetter.channelId)} canAct={isAdmin} />
        ))}
      </Stack>
      <LoadMore
        hasMore={Boolean(list.hasNextPage)}
        loading={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        label="Load more dead letters"
      />
    </>
  );
}
