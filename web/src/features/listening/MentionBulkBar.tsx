/** Selects the loaded posts and marks the selection relevant or irrelevant in one go: every mention on their cards. */
import { useRef } from 'react';
import { Button, Checkbox, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconThumbDown, IconThumbUp } from '@tabler/icons-react';
import { notifyFailure } from '../../ui/notify-failure';
import { useMarkRelevance } from './api';
import type { Relevance } from './types';

export function MentionBulkBar({
  loadedIds,
  selected,
  onSelect,
  mentionIdsOf,
  canWrite,
}: {
  /** The loaded posts (their message ids). */
  loadedIds: string[];
  selected: ReadonlySet<string>;
  onSelect: (ids: ReadonlySet<string>) => void;
  /** The mentions on the cards of these posts. */
  mentionIdsOf: (messageIds: ReadonlySet<string>) => string[];
  canWrite: boolean;
}) {
  const mark = useMarkRelevance();
  const bar = useRef<HTMLDivElement>(null);
  const selectAll = useRef<HTMLInputElement>(null);
  const allSelected = loadedIds.length > 0 && loadedIds.every((id) => selected.has(id));
  const apply = (relevance: Relevance, done: string) => {
    const ids = mentionIdsOf(selected);
    mark.mutate(
      { ids, relevance },
      {
        onSuccess: ({ updated }) => {
          notifications.show({ message: `${done}: ${updated} mention${updated === 1 ? '' : 's'}` });
          // The marking buttons go with the selection (and were disabled while it was saved): the focus
          // they held goes to "Select all" rather than to the page's body.
          const focus = document.activeElement;
          if (!focus || focus === document.body || bar.current?.contains(focus)) selectAll.current?.focus();
          onSelect(new Set());
        },
        onError: (error) => notifyFailure('Could not mark the mentions', error),
      },
    );
  };
  return (
    <Group ref={bar} gap="sm" wrap="wrap" role="toolbar" aria-label="Bulk actions">
      <Checkbox
        size="xs"
        label={selected.size > 0 ? `${selected.size} selected` : 'Select all'}
        aria-label="Select all"
        ref={selectAll}
        checked={allSelected}
        indeterminate={selected.size > 0 && !allSelected}
        disabled={loadedIds.length === 0}
        onChange={() => onSelect(allSelected ? new Set() : new Set(loadedIds))}
      />
      {selected.size > 0 && canWrite && (
        <>
          <Button
            size="compact-xs"
            variant="default"
            leftSection={<IconThumbUp size={14} aria-hidden />}
            loading={mark.isPending && mark.variables.relevance === 'relevant'}
            onClick={() => apply('relevant', 'Marked relevant')}
          >
            Mark relevant
          </Button>
          <Button
            size="compact-xs"
            variant="default"
            leftSection={<IconThumbDown size={14} aria-hidden />}
            loading={mark.isPending && mark.variables.relevance === 'irrelevant'}
            onClick={() => apply('irrelevant', 'Marked irrelevant')}
          >
            Mark irrelevant
          </Button>
        </>
      )}
    </Group>
  );
}
