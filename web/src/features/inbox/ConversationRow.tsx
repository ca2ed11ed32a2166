/** One conversation in the list: network, customer, subject or preview, time, assignee and SLA. */
import { Avatar, Badge, Checkbox, Group, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { formatRelative } from '../../lib/format';
import { NETWORK_META } from '../channels/networks';
import { customerName, selectionLabel } from './customer-name';
import { PRIORITY_LABELS } from './labels';
import { useStandsOutTier } from '../relationship/api';
import { TierBadge } from '../relationship/TierBadge';
import { SlaBadge } from './SlaBadge';
import type { Conversation } from './types';
import classes from './ConversationList.module.css';

export const ROW_HEIGHT = 86;

export function ConversationRow({
  conversation,
  href,
  active,
  selected,
  onSelect,
  assigneeName,
}: {
  conversation: Conversation;
  href: string;
  active: boolean;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  assigneeName: string | null;
}) {
  const network = NETWORK_META[conversation.network];
  const name = customerName(conversation);
  const standsOut = useStandsOutTier();
  const tier = conversation.contact?.tier;
  // Open conversations want attention, like unread mail: they are drawn bold.
  const weight = conversation.status === 'open' ? 700 : 400;
  return (
    <div className={classes.row} data-active={active || undefined} style={{ height: ROW_HEIGHT }}>
      <Checkbox
        mt={4}
        size="xs"
        checked={selected}
        onChange={(event) => onSelect(event.currentTarget.checked)}
        aria-label={selectionLabel(conversation)}
      />
      <Link to={href} className={classes.link} aria-current={active ? 'true' : undefined}>
        <Group gap={6} wrap="nowrap" justify="space-between">
          <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
            <network.icon size={14} aria-label={network.label} role="img" style={{ flexShrink: 0 }} />
            <Text size="sm" fw={weight} truncate dir="auto">
              {name}
            </Text>
            {standsOut(tier) && <TierBadge tier={tier} size="xs" />}
          </Group>
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
            <time dateTime={conversation.lastMessageAt}>{formatRelative(conversation.lastMessageAt, { short: true })}</time>
          </Text>
        </Group>
        <Text size="sm" fw={weight === 700 ? 600 : 400} truncate dir="auto">
          {conversation.subject || conversation.preview || '(no text)'}
        </Text>
        <Group gap={6} wrap="nowrap" justify="space-between" mt={2}>
          <Text size="xs" c="dimmed" truncate style={{ minWidth: 0 }} dir="auto">
            {conversation.subject ? conversation.preview : ''}
          </Text>
          <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
            {conversation.priority === 'urgent' || conversation.priority === 'high' ? (
              <Badge size="xs" color={conversation.priority === 'urgent' ? 'red' : 'orange'} variant="light">
                {PRIORITY_LABELS[conversation.priority]}
              </Badge>
            ) : null}
            <SlaBadge conversation={conversation} />
            {assigneeName && (
              <Tooltip label={`Assigned to ${assigneeName}`}>
                <Avatar name={assigneeName} color="initials" size={20} role="img" aria-label={`Assigned to ${assigneeName}`} />
              </Tooltip>
            )}
          </Group>
        </Group>
      </Link>
    </div>
  );
}
