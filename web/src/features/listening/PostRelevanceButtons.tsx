/**
 * Marks a post relevant or irrelevant: every mention on its card, so the mark holds for each query
 * shown; pressing the chosen mark again takes it back. Mentions marked apart (in a query's own
 * stream) leave the card's mark mixed: neither button is pressed until one marks them all.
 */
import type { ReactNode } from 'react';
import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconThumbDown, IconThumbUp } from '@tabler/icons-react';
import { postRelevance } from './post-readings';
import type { PostMention, Relevance } from './types';
import { usePostMarking } from './use-post-marking';

export function PostRelevanceButtons({ mentions, disabled }: { mentions: readonly PostMention[]; disabled: boolean }) {
  const { press, pending } = usePostMarking();
  const current = postRelevance(mentions);
  const button = (relevance: Relevance, label: string, color: string, icon: ReactNode) => (
    <Tooltip label={current === 'mixed' ? `${label}: mark every query` : label}>
      <ActionIcon
        variant={current === relevance ? 'filled' : 'subtle'}
        color={color}
        aria-label={label}
        aria-pressed={current === relevance}
        disabled={disabled}
        aria-disabled={pending || undefined}
        onClick={() => press(mentions, relevance)}
      >
        {icon}
      </ActionIcon>
    </Tooltip>
  );
  return (
    <Group gap={2} wrap="nowrap">
      {button('relevant', 'Relevant', 'teal', <IconThumbUp size={16} />)}
      {button('irrelevant', 'Irrelevant', 'gray', <IconThumbDown size={16} />)}
    </Group>
  );
}
