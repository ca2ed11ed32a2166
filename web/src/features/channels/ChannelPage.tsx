/** One channel's health: when it last worked, how far behind it is, its latest errors, refused webhook deliveries and dead letters. */
import { useState } from 'react';
import { Alert, Button, Card, Code, CopyButton, Group, Loader, SimpleGrid, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import {
  IconCheck,
  IconCopy,
  IconFlask,
  IconLockExclamation,
  IconPencil,
  IconPlugConnected,
  IconPlugConnectedX,
} from '@tabler/icons-react';
import { useNavigate, useParams } from 'react-router';
import { formatDateTime, formatNumber, formatRelative } from '../../lib/format';
import { DetailList, DetailRow } from '../../ui/DetailRow';
import { FormError } from '../../ui/FormError';
import { NO_FIELDS } from '../../ui/form-problems';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { usePermissions } from '../auth/permissions';
import { DeadLettersList } from '../dead-letters/DeadLettersList';
import { useChannel, useTestChannel } from './api';
import { ChannelErrorsTable } from './ChannelErrorsTable';
import { PauseChannelButton, RemoveChannelButton } from './ChannelActions';
import { EditChannelDialog } from './EditChannelDialog';
import { HealthBadge } from './HealthBadge';
import { channelKindLabel, receivesWebhooks, SANDBOX_PROMISE } from './channel-kinds';
import { CHANNEL_KIND_META } from './networks';
import { RefusedDeliveries } from './RefusedDeliveries';
import type { Channel } from './types';
import { useChannelLiveUpdates } from './use-channel-live-updates';

const BACK = { to: '/settings/channels', label: 'Channels' };

function when(iso: string | null): string {
  return iso ? `${formatRelative(iso)} (${formatDateTime(iso)})` : 'Never';
}

function formatLag(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
    </Card>
  );
}

/** Webhook-fed kinds receive at this address; the sender must sign deliveries with the secret. */
function WebhookAddress({ channel }: { channel: Channel }) {
  const url = `${window.location.origin}/api/v1/webhooks/${channel.id}`;
  return (
    <TextInput
      label="Receive URL"
      description="Point the sender’s webhook here"
      readOnly
      value={url}
      onFocus={(e) => e.currentTarget.select()}
      rightSection={
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : 'Copy'}>
              <Button variant="subtle" size="compact-xs" onClick={copy} aria-label="Copy receive URL" px={4}>
                {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
              </Button>
            </Tooltip>
          )}
        </CopyButton>
      }
    />
  );
}

/** A sandbox channel's page says first that nothing it takes leaves Rapport, and how conversations come in. */
function SandboxNotice({ channel }: { channel: Channel }) {
  return (
    <Alert color="teal" icon={<IconFlask size={18} aria-hidden />} title="A sandbox: nothing is sent">
      <Text size="sm">
        {SANDBOX_PROMISE} Replies take the usual way (queued, then sent, counted as items out), so the inbox works as it will with a real
        channel, but no network receives them.
      </Text>
      <Text size="sm" mt={4}>
        Conversations come in from recorded files: <Code>rapport ingest --channel {channel.id} FILE…</Code>
      </Text>
    </Alert>
  );
}

export function ChannelPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const channel = useChannel(id);
  const test = useTestChannel();
  const { isAdmin } = usePermissions();
  const [editing, setEditing] = useState(false);
  useChannelLiveUpdates();

  if (channel.isPending) return <Loader size="sm" aria-label="Loading channel" />;
  if (channel.isError) {
    return (
      <>
        <PageHeader title="Channel" back={BACK} />
        <QueryError title="Could not load the channel" error={channel.error} onRetry={() => void channel.refetch()} />
      </>
    );
  }
  const data = channel.data;
  const { health } = data;
  const meta = CHANNEL_KIND_META[data.kind];
  return (
    <>
      <PageHeader
        title={data.name}
        back={BACK}
        description={
          <Group gap={6} component="span">
            <meta.icon size={14} aria-hidden /> {channelKindLabel(data)} · <HealthBadge state={health.state} kind={data.kind} />
          </Group>
        }
        actions={
          isAdmin && (
            <>
              <Button
                variant="default"
                leftSection={<IconPlugConnected size={16} />}
                loading={test.isPending}
                onClick={() => test.mutate(data.id)}
              >
                Test connection
              </Button>
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
                Edit
              </Button>
              <PauseChannelButton channel={data} />
              <RemoveChannelButton channel={data} onRemoved={() => void navigate('/settings/channels')} />
            </>
          )
        }
      />
      <Stack gap="lg">
        {test.data && (
          <Alert
            color={test.data.ok ? 'green' : 'red'}
            icon={test.data.ok ? <IconCheck size={18} /> : <IconPlugConnectedX size={18} />}
            title={test.data.ok ? 'Connected' : 'The connection failed'}
            role={test.data.ok ? 'status' : 'alert'}
            withCloseButton
            closeButtonLabel="Dismiss"
            onClose={() => test.reset()}
          >
            {test.data.message}
          </Alert>
        )}
        <FormError error={test.error} labels={NO_FIELDS} />
        {data.kind === 'sandbox' && <SandboxNotice channel={data} />}
        {!data.storedCredentials.readable && (
          <Alert color="red" icon={<IconLockExclamation size={18} />} title="Its secrets can no longer be read" role="alert">
            <Text size="sm">
              The server secret changed since this channel’s passwords and tokens were saved, so it cannot check deliveries, sign in or send
              replies until they are entered again.
            </Text>
            {isAdmin && (
              <Button size="xs" mt="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>
                Enter the secrets again
              </Button>
            )}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Stat label="Items in" value={formatNumber(health.itemsIn)} />
          <Stat label="Items out" value={formatNumber(health.itemsOut)} />
          <Stat label="Errors" value={formatNumber(health.errorCount)} />
          <Stat label="Lag" value={formatLag(health.lagSeconds)} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Card withBorder component="section" aria-labelledby="channel-sync-title">
            <Title order={2} size="h4" mb="sm" id="channel-sync-title">
              Sync
            </Title>
            <DetailList>
              <DetailRow label="Status">{data.status === 'paused' ? 'Paused' : 'Active'}</DetailRow>
              <DetailRow label="Last success">{when(health.lastSuccessAt)}</DetailRow>
              <DetailRow label="Last item">{when(health.lastItemAt)}</DetailRow>
              <DetailRow label="Last error">{when(health.lastErrorAt)}</DetailRow>
              {health.nextPollAt && <DetailRow label="Next check">{when(health.nextPollAt)}</DetailRow>}
            </DetailList>
            {receivesWebhooks(data.kind) && (
              <Stack mt="md">
                <WebhookAddress channel={data} />
              </Stack>
            )}
          </Card>
          <Card withBorder component="section" aria-labelledby="channel-errors-title">
            <Title order={2} size="h4" mb="sm" id="channel-errors-title">
              Latest errors
            </Title>
            {health.recentErrors.length === 0 ? (
              <Text size="sm" c="dimmed">
                No errors.
              </Text>
            ) : (
              <ChannelErrorsTable errors={health.recentErrors} labelledBy="channel-errors-title" />
            )}
          </Card>
        </SimpleGrid>
        {receivesWebhooks(data.kind) && <RefusedDeliveries refused={health.refusedDeliveries} />}
        {isAdmin && (
          <section aria-labelledby="channel-dead-letters-title">
            <Title order={2} size="h4" mb="sm" id="channel-dead-letters-title">
              Dead letters
            </Title>
            <DeadLettersList filters={{ channelId: data.id }} />
          </section>
        )}
      </Stack>
      {editing && <EditChannelDialog channel={data} opened onClose={() => setEditing(false)} />}
    </>
  );
}
