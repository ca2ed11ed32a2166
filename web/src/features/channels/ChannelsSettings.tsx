/** Settings › Channels: where conversations come from, each with its health; add, pause, remove. */
import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatRelative } from '../../lib/format';
import { SettingsList } from '../../ui/SettingsList';
import { usePermissions } from '../auth/permissions';
import { AddChannelDialog } from './AddChannelDialog';
import { useChannels } from './api';
import { PauseChannelButton, RemoveChannelButton } from './ChannelActions';
import { HealthBadge } from './HealthBadge';
import { channelKindLabel } from './channel-kinds';
import { CHANNEL_KIND_META } from './networks';
import { useChannelLiveUpdates } from './use-channel-live-updates';

export function ChannelsSettings() {
  const channels = useChannels({ watchHealth: true });
  const { isAdmin } = usePermissions();
  const [adding, { open, close }] = useDisclosure(false);
  useChannelLiveUpdates();
  return (
    <>
      <SettingsList
        intro={
          <Text size="sm" c="dimmed">
            Feeds, mailboxes, social accounts, webhooks and sandboxes whose messages arrive in the inbox.
          </Text>
        }
        addButton={
          isAdmin && (
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              Add channel
            </Button>
          )
        }
        list={channels}
        label="Channels"
        loadingLabel="Loading channels"
        failedTitle="Could not load channels"
        retry
        empty="No channels yet."
        headers={
          <>
            <Table.Th>Name</Table.Th>
            <Table.Th visibleFrom="sm">Kind</Table.Th>
            <Table.Th>Health</Table.Th>
            <Table.Th visibleFrom="md">Last success</Table.Th>
            <Table.Th visibleFrom="md">Errors</Table.Th>
          </>
        }
        withActions={isAdmin}
      >
        {(rows) =>
          rows.map((channel) => {
            const meta = CHANNEL_KIND_META[channel.kind];
            return (
              <Table.Tr key={channel.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/settings/channels/${channel.id}`} size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                    {channel.name}
                  </Anchor>
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Group gap={6} wrap="nowrap">
                    <meta.icon size={16} aria-hidden />
                    <Text size="sm">{channelKindLabel(channel)}</Text>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <HealthBadge state={channel.health.state} kind={channel.kind} />
                </Table.Td>
                <Table.Td visibleFrom="md">
                  <Text size="sm">{channel.health.lastSuccessAt ? formatRelative(channel.health.lastSuccessAt) : 'Never'}</Text>
                </Table.Td>
                <Table.Td visibleFrom="md">
                  <Text size="sm">{channel.health.errorCount}</Text>
                </Table.Td>
                {isAdmin && (
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <PauseChannelButton channel={channel} />
                      <RemoveChannelButton channel={channel} />
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })
        }
      </SettingsList>
      <AddChannelDialog key={adding ? 'open' : 'closed'} opened={adding} onClose={close} />
    </>
  );
}
