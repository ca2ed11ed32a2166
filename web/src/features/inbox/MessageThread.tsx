/** The messages and notes of a conversation, oldest first, kept scrolled to the newest. */
import { useEffect, useRef } from 'react';
import { Center, Loader, Stack, Text } from '@mantine/core';
import { LoadMore } from '../../ui/LoadMore';
import { QueryError } from '../../ui/QueryError';
import { useMessages } from './api';
import { MessageItem } from './MessageItem';

export function MessageThread({ conversationId }: { conversationId: string }) {
  const messages = useMessages(conversationId);
  const scroller = useRef<HTMLDivElement>(null);
  const rows = messages.data?.pages.flatMap((page) => page.data) ?? [];
  const newestId = rows[rows.length - 1]?.id;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = messages;

  // A new message (or a newly opened conversation) brings the newest into view, as chat does.
  useEffect(() => {
    const element = scroller.current;
    if (element && newestId && !hasNextPage) element.scrollTop = element.scrollHeight;
  }, [newestId, hasNextPage]);

  return (
    <div ref={scroller} role="log" aria-label="Messages" tabIndex={0} style={{ flex: 1, minHeight: 0, overflowY: 'auto' }}>
      <Stack gap="sm" p="sm">
        {messages.isPending && (
          <Center p="md">
            <Loader size="sm" aria-label="Loading messages" />
          </Center>
        )}
        {messages.isError && (
          <QueryError title="Could not load the messages" error={messages.error} onRetry={() => void messages.refetch()} />
        )}
        {messages.isSuccess && rows.length === 0 && (
          <Text size="sm" c="dimmed" ta="center">
            No messages yet.
          </Text>
        )}
        {rows.map((message) => (
          <MessageItem key={message.id} message={message} />
        ))}
        <LoadMore
          hasMore={Boolean(hasNextPage)}
          loading={isFetchingNextPage}
          onLoadMore={() => void fetchNextPage()}
          label="Load newer messages"
        />
      </Stack>
    </div>
  );
}
