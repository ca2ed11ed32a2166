/** A small badge for the nearest SLA target: overdue in red, due within the hour in orange. */
import { Badge, Tooltip } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { formatDateTime, formatRelative } from '../../lib/format';
import { slaState } from './sla';
import type { Conversation } from './types';

const SLA_NAMES: Record<string, string> = {
  first_response: 'first response',
  next_response: 'next response',
  resolution: 'resolution',
};

export function SlaBadge({ conversation }: { conversation: Pick<Conversation, 'sla' | 'status'> }) {
  const state = slaState(conversation);
  if (!state) return null;
  if (state.kind === 'breached') {
    const what = state.names.map((n) => SLA_NAMES[n] ?? n.replace(/_/g, ' ')).join(', ');
    return (
      <Badge size="xs" color="red" variant="filled" leftSection={<IconClock size={10} aria-hidden />}>
        {what ? `SLA breached: ${what}` : 'SLA overdue'}
      </Badge>
    );
  }
  return (
    <Tooltip label={`Due ${formatDateTime(state.dueAt)}`}>
      <Badge size="xs" color={state.soon ? 'orange' : 'gray'} variant="light" leftSection={<IconClock size={10} aria-hidden />}>
        Due {formatRelative(state.dueAt, { short: true })}
      </Badge>
    </Tooltip>
  );
}
