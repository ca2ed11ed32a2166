/** The inbox's left pane: the views with their counts, and the filters that narrow the list. */
import { Badge, Group, NavLink, Select, Stack, Switch, Text } from '@mantine/core';
import { IconInbox, IconUser, IconUserQuestion, IconUsersGroup } from '@tabler/icons-react';
import { formatNumber } from '../../lib/format';
import { NETWORKS } from '../../lib/types';
import { useChannels } from '../channels/api';
import { NETWORK_META } from '../channels/networks';
import { useTeams } from '../teams/api';
import { useConversationCounts } from './api';
import { LabelFilter } from './LabelFilter';
import { PRIORITY_LABELS } from './labels';
import { PRIORITIES, type ConversationFilters, type InboxView } from './types';

const VIEWS: { value: InboxView; label: string; icon: typeof IconInbox }[] = [
  { value: 'mine', label: 'Mine', icon: IconUser },
  { value: 'unassigned', label: 'Unassigned', icon: IconUserQuestion },
  { value: 'my_teams', label: 'My teams', icon: IconUsersGroup },
  { value: 'all', label: 'All', icon: IconInbox },
];

export function InboxSidebar({
  filters,
  onChange,
}: {
  filters: ConversationFilters;
  onChange: (next: Partial<ConversationFilters>) => void;
}) {
  const counts = useConversationCounts();
  const channels = useChannels();
  const teams = useTeams();
  return (
    <Stack gap="md">
      <nav aria-label="Inbox views">
        {VIEWS.map(({ value, label, icon: Icon }) => {
          const active = (filters.view ?? 'all') === value;
          const count = counts.data?.views[value];
          return (
            <NavLink
              key={value}
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
              onClick={() => onChange({ view: value })}
            />
          );
        })}
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
        <Group>
          <Switch
            label="Show spam"
            size="xs"
            checked={filters.spam === 'true'}
            onChange={(event) => onChange({ spam: event.currentTarget.checked ? 'true' : undefined })}
          />
        </Group>
      </Stack>
    </Stack>
  );
}
