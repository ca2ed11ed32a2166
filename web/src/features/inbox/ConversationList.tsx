/**
 * The conversations matching the inbox filters, newest first: a virtualised list that renders only
 * the rows in view and loads the next page as the end comes near. A real list of links, so screen
 * readers and keyboard users move through it as through any list.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { Center, Loader, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ConversationRow, ROW_HEIGHT } from './ConversationRow';
import type { Conversation } from './types';
import classes from './ConversationList.module.css';

const PREFETCH_ROWS = 20;

export function ConversationList({
  conversations,
  activeId,
  hrefOf,
  selected,
  onSelect,
  assigneeName,
  hasMore,
  loadingMore,
  onLoadMore,
  loading,
  empty,
}: {
  conversations: Conversation[];
  activeId: string | undefined;
  hrefOf: (id: string) => string;
  selected: ReadonlySet<string>;
  onSelect: (id: string, selected: boolean) => void;
  assigneeName: (id: string | null) => string | null;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  loading: boolean;
  empty: ReactNode;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: conversations.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= conversations.length - PREFETCH_ROWS) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, conversations.length, onLoadMore]);

  // Moving with j/k (or opening a link) keeps the open conversation in view.
  const activeIndex = activeId ? conversations.findIndex((c) => c.id === activeId) : -1;
  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  return (
    <div ref={scroller} className={classes.scroller}>
      <ul className={classes.list} aria-label="Conversations" style={{ paddingTop, paddingBottom }}>
        {items.map((item) => {
          const conversation = conversations[item.index]!;
          return (
            <li key={conversation.id} aria-setsize={hasMore ? -1 : conversations.length} aria-posinset={item.index + 1}>
              <ConversationRow
                conversation={conversation}
                href={hrefOf(conversation.id)}
                active={conversation.id === activeId}
                selected={selected.has(conversation.id)}
                onSelect={(checked) => onSelect(conversation.id, checked)}
                assigneeName={assigneeName(conversation.assigneeId)}
              />
            </li>
          );
        })}
      </ul>
      {loading && conversations.length === 0 && (
        <Center p="md">
          <Loader size="sm" aria-label="Loading conversations" />
        </Center>
      )}
      {!loading && conversations.length === 0 && empty}
      {loadingMore && (
        <Text size="xs" c="dimmed" ta="center" p="xs" role="status">
          Loading more…
        </Text>
      )}
    </div>
  );
}
