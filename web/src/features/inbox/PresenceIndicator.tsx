/** "Ana is replying": who else has this conversation open, so two people do not answer at once. */
import { Avatar, Group, Text, Tooltip } from '@mantine/core';
import type { Viewer } from './types';

function sentence(viewers: Viewer[]): string {
  const replying = viewers.filter((v) => v.activity === 'replying');
  const viewing = viewers.filter((v) => v.activity === 'viewing');
  const names = (list: Viewer[]) =>
    list.length <= 2 ? list.map((v) => v.name).join(' and ') : `${list[0]!.name} and ${list.length - 1} others`;
  const parts = [];
  if (replying.length) parts.push(`${names(replying)} ${replying.length === 1 ? 'is' : 'are'} replying`);
  if (viewing.length) parts.push(`${names(viewing)} ${viewing.length === 1 ? 'is' : 'are'} viewing`);
  return parts.join('; ');
}

export function PresenceIndicator({ viewers, selfId }: { viewers: Viewer[] | undefined; selfId: string }) {
  const others = (viewers ?? []).filter((v) => v.userId !== selfId && v.activity !== 'left');
  const text = sentence(others);
  return (
    // Always present, so that a colleague arriving is announced politely.
    <Group gap={6} wrap="nowrap" role="status" aria-live="polite">
      {others.length > 0 && (
        <>
          <Avatar.Group spacing="xs">
            {others.slice(0, 3).map((viewer) => (
              <Tooltip key={viewer.userId} label={`${viewer.name} (${viewer.activity})`}>
                <Avatar name={viewer.name} color="initials" size={22} aria-hidden />
              </Tooltip>
            ))}
          </Avatar.Group>
          <Text size="xs" c={others.some((v) => v.activity === 'replying') ? 'var(--mantine-color-orange-light-color)' : 'dimmed'} fw={500}>
            {text}
          </Text>
        </>
      )}
    </Group>
  );
}
