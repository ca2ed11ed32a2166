/**
 * A mention's intent as a badge that opens a menu to correct it. A correction teaches the
 * workspace's model, so the card says "learned" once the server has taken it; a mention read about
 * its own subject (a post naming several) is corrected alone and teaches nothing.
 */
import { useState } from 'react';
import { Badge, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconChevronDown, IconSchool } from '@tabler/icons-react';
import { notifyFailure } from '../../ui/notify-failure';
import { TEXT_COLORS } from '../../ui/text-colors';
import { useCorrectIntent } from './api';
import { INTENT_COLORS, INTENT_LABELS, intentOf } from './labels';
import { INTENTS, type Mention } from './types';

export function IntentMenu({
  mention: { id, messageId, intent },
  canCorrect,
}: {
  mention: Pick<Mention, 'id' | 'messageId' | 'intent'>;
  canCorrect: boolean;
}) {
  const correct = useCorrectIntent();
  const [learned, setLearned] = useState(false);
  const known = intentOf(intent);
  const label = known ? INTENT_LABELS[known] : 'Unknown';
  const badge = (
    <Badge
      size="sm"
      variant="outline"
      color={known ? INTENT_COLORS[known] : 'gray'}
      rightSection={canCorrect && <IconChevronDown size={10} />}
    >
      {label}
    </Badge>
  );
  if (!canCorrect) return <span aria-label={`Intent: ${label}`}>{badge}</span>;
  const choose = (next: (typeof INTENTS)[number]) => {
    if (next === known) return;
    correct.mutate(
      { messageId, mentionId: id, intent: next },
      {
        onSuccess: ({ learned: taught }) => {
          setLearned(taught);
          notifications.show(
            taught
              ? {
                  color: 'teal',
                  title: 'Learned',
                  message: `Marked as ${INTENT_LABELS[next]}. Similar messages will be classified this way from now on.`,
                }
              : { color: 'teal', title: 'Corrected', message: `Marked as ${INTENT_LABELS[next]} for this mention.` },
          );
        },
        onError: (error) => notifyFailure('Could not correct the intent', error),
      },
    );
  };
  return (
    <Group gap={4} wrap="nowrap">
      {/* The menu, not its button, is disabled while a correction is saved: a disabled button cannot take
          back the focus the menu returns to it, and keyboard users were left on the page's body. */}
      <Menu position="bottom-start" withinPortal disabled={correct.isPending}>
        <Menu.Target>
          <UnstyledButton aria-label={`Intent: ${label}`} aria-disabled={correct.isPending || undefined}>
            {badge}
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Correct the intent</Menu.Label>
          {INTENTS.map((value) => (
            <Menu.Item
              key={value}
              onClick={() => choose(value)}
              leftSection={value === known ? <IconCheck size={14} aria-hidden /> : <span style={{ width: 14 }} />}
              aria-current={value === known ? 'true' : undefined}
            >
              {INTENT_LABELS[value]}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {learned && (
        <Text span size="xs" c={TEXT_COLORS.success} role="status">
          <IconSchool size={12} aria-hidden /> learned
        </Text>
      )}
    </Group>
  );
}
