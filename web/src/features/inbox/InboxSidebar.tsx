/**
 * The inbox's left pane: the views and the spam folder with their counts, and the filters that
 * narrow the list. Each count is what its view or folder lists with the filters chosen.
 */
import { Badge, Divider, NavLink, Select, Stack, Text } from '@mantine/core';
import { IconInbox, IconShieldX, IconUser, IconUserQuestion, IconUsersGroup } from '@tabler/icons-react';
import { formatNumber } from '../../lib/format';
import { NETWORKS } from '../../lib/types';
import { useChannels } from '../channels/api';
import { NETWORK_META } from '../channels/networks';
import { useTeams } from '../teams/api';
import { useConversationCounts } from './api';
import { isSpamFolder } from './inbox-queries';
import { LabelFilter } from './LabelFilter';
import { PRIORITY_LABELS } from './labels';
import { PRIORITIES, type ConversationFilters, type InboxView } from './types';

const VIEWS: { value: InboxView; label: string; icon: typeof IconInbox }[] = [
  { value: 'mine', label: 'Mine', icon: IconUser },
  { value: 'unassigned', label: 'Unassigned', icon: IconUserQuestion },
  { value: 'my_teams', label: 'My teams', icon: IconUsersGroup },
  { value: 'all', label: 'All', icon: IconInbox },
];

function ViewLink({
  label,
  icon: Icon,
  count,
  active,
  onClick,
}: {
  label: string;
  icon: typeof IconInbox;
  count: number | undefined;
  active: boolean;
  onClick: () => void;
}) {
  return (
    <NavLink
      component="button"
      label={label}
      leftSection={<Icon size={16} aria-hidden />}
      rightSection={
        count !== undefined && (
          <Badge size="sm" variant={active ? 'filled' : 'light'} color="gray" aria-label={`${count} conversations`}>
            {formatNumber(count)}
          </Badge>
        )
      }
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onClick}
    />
  );
}

export function InboxSidebar({
  filters,
  onChange,
}: {
  filters: ConversationFilters;
  onChange: (next: Partial<ConversationFilters>) => void;
}) {
  const counts = useConversationCounts(filters);
  const channels = useChannels();
  const teams = useTeams();
  const inSpam = isSpamFolder(filters);
  return (
    <Stack gap="md">
      <nav aria-label="Inbox views">
        {VIEWS.map(({ value, label, icon }) => (
          <ViewLink
            key={value}
            label={label}
            icon={icon}
            count={counts.data?.views[value]}
            active={!inSpam && (filters.view ?? 'all') === value}
            onClick={() => onChange({ view: value, spam: undefined })}
          />
        ))}
        <Divider my={4} />
        <ViewLink label="Spam" icon={IconShieldX} count={counts.data?.spam} active={inSpam} onClick={() => onChange({ spam: 'true' })} />
      </nav>
      <Stack gap="xs" component="section" aria-labelledby="inbox-filters-title">
        <Text id="inbox-filters-title" size="xs" fw={700} c="dimmed" tt="uppercase">
          Filters
        </Text>
        <Select
          label="Channel"
          placeholder="All channels"
          data={(channels.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={filters.channelId ?? null}
          onChange={(value) => onChange({ channelId: value ?? undefined })}
          clearable
          searchable
          size="xs"
        />
        <Select
          label="Network"
          placeholder="All networks"
          data={NETWORKS.map((n) => ({ value: n, label: NETWORK_META[n].label }))}
          value={filters.network ?? null}
          onChange={(value) => onChange({ network: (value ?? undefined) as ConversationFilters['network'] })}
          clearable
          size="xs"
        />
        <Select
          label="Priority"
          placeholder="Any priority"
          data={PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))}
          value={filters.priority ?? null}
          onChange={(value) => onChange({ priority: (value ?? undefined) as ConversationFilters['priority'] })}
          clearable
          size="xs"
        />
        <Select
          label="Team"
          placeholder="Any team"
          data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
          value={filters.teamId ?? null}
          onChange={(value) => onChange({ teamId: value ?? undefined })}
          clearable
          searchable
          size="xs"
        />
        <LabelFilter value={filters.label ?? ''} onChange={(label) => onChange({ label: label.trim() || undefined })} />
      </Stack>
    </Stack>
  );
}
