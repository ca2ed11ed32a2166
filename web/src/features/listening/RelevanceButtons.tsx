/** Marks a mention relevant or irrelevant; pressing the chosen mark again takes it back. */
import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconThumbDown, IconThumbUp } from '@tabler/icons-react';
import { notifyFailure } from '../../ui/notify-failure';
import { useMarkRelevance } from './api';
import type { Relevance } from './types';

export function RelevanceButtons({ mentionId, relevance, disabled }: { mentionId: string; relevance: Relevance; disabled: boolean }) {
  const mark = useMarkRelevance();
  const set = (next: Relevance) => {
    // The buttons stay enabled while a mark is saved (a disabled button drops the keyboard focus); a press meanwhile does nothing.
    if (mark.isPending) return;
    mark.mutate(
      { ids: [mentionId], relevance: relevance === next ? 'unreviewed' : next },
      { onError: (error) => notifyFailure('Could not mark the mention', error) },
    );
  };
  return (
    <Group gap={2} wrap="nowrap">
      <Tooltip label="Relevant">
        <ActionIcon
          variant={relevance === 'relevant' ? 'filled' : 'subtle'}
          color="teal"
          aria-label="Relevant"
          aria-pressed={relevance === 'relevant'}
          disabled={disabled}
          aria-disabled={mark.isPending || undefined}
          onClick={() => set('relevant')}
        >
          <IconThumbUp size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Irrelevant">
        <ActionIcon
          variant={relevance === 'irrelevant' ? 'filled' : 'subtle'}
          color="gray"
          aria-label="Irrelevant"
          aria-pressed={relevance === 'irrelevant'}
          disabled={disabled}
          aria-disabled={mark.isPending || undefined}
          onClick={() => set('irrelevant')}
        >
          <IconThumbDown size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
