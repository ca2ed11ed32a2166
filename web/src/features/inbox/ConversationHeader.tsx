/** The top of an open conversation: what and who it is about, who else is here, and its controls. */
import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Group, Menu, Select, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowBackUp,
  IconArrowLeft,
  IconCheck,
  IconCircleDot,
  IconDots,
  IconFlag,
  IconGitMerge,
  IconShieldCheck,
  IconShieldX,
  IconUser,
  IconUserCircle,
  IconUsersGroup,
} from '@tabler/icons-react';
import { formatDateTime } from '../../lib/format';
import { notifyFailure } from '../../ui/notify-failure';
import { usePermissions } from '../auth/permissions';
import { NETWORK_META } from '../channels/networks';
import { MemberSelect } from '../members/MemberSelect';
import { useTeams } from '../teams/api';
import { useUpdateConversation } from './api';
import { ConversationLabels } from './ConversationLabels';
import { customerName } from './customer-name';
import { PRIORITY_LABELS, STATUS_LABELS } from './labels';
import { MergeDialog } from './MergeDialog';
import { PresenceIndicator } from './PresenceIndicator';
import { SlaBadge } from './SlaBadge';
import { SnoozeMenu } from './SnoozeMenu';
import { CONVERSATION_STATUSES, PRIORITIES, type Conversation, type ConversationChange } from './types';

export function ConversationHeader({
  conversation,
  onBack,
  onShowCustomer,
  onMerged,
}: {
  conversation: Conversation;
  /** On narrow screens, the way back to the list. */
  onBack?: () => void;
  /** When the customer panel is not beside the thread, opens it. */
  onShowCustomer?: () => void;
  onMerged: (targetId: string) => void;
}) {
  const { userId, canWrite: mayWrite } = usePermissions();
  // A merged conversation is closed for good: its work goes on in the one it was merged into.
  const mergedIntoId = conversation.mergedIntoId;
  const canWrite = mayWrite && !mergedIntoId;
  const update = useUpdateConversation(conversation.id);
  const teams = useTeams();
  const [merging, setMerging] = useState(false);
  const network = NETWORK_META[conversation.network];
  const change = (patch: ConversationChange, done?: string) =>
    update.mutate(patch, {
      onSuccess: () => done && notifications.show({ message: done }),
      onError: (error) => notifyFailure('Could not change the conversation', error),
    });
  const resolved = conversation.status === 'resolved';

  return (
    <Stack gap={6} p="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Group gap="xs" wrap="nowrap" align="flex-start" style={{ minWidth: 0, flex: 1 }}>
          {onBack && (
            <ActionIcon variant="subtle" color="gray" size="lg" onClick={onBack} aria-label="Back to conversations">
              <IconArrowLeft size={18} />
            </ActionIcon>
          )}
          <div style={{ minWidth: 0 }}>
            <Title order={2} size="h4" lineClamp={2} dir="auto">
              {conversation.subject || conversation.preview || '(no subject)'}
            </Title>
            <Group gap={6} wrap="wrap">
              <network.icon size={14} aria-hidden />
              <Text size="sm" c="dimmed">
                {customerName(conversation)} · {network.label}
              </Text>
              {conversation.isSpam && (
                <Badge size="xs" color="red">
                  Spam
                </Badge>
              )}
              {conversation.isPrivate && (
                <Badge size="xs" color="gray">
                  Private
                </Badge>
              )}
              {conversation.status === 'snoozed' && conversation.snoozedUntil && (
                <Badge size="xs" color="violet" variant="light" tt="none">
                  Snoozed until {formatDateTime(conversation.snoozedUntil)}
                </Badge>
              )}
              <SlaBadge conversation={conversation} />
            </Group>
          </div>
        </Group>
        <Group gap={4} wrap="nowrap">
          {onShowCustomer && (
            <Tooltip label="Customer details">
              <ActionIcon variant="subtle" color="gray" size="lg" onClick={onShowCustomer} aria-label="Show customer details">
                <IconUser size={18} />
              </ActionIcon>
            </Tooltip>
          )}
          {canWrite && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" size="lg" aria-label="More conversation actions">
                  <IconDots size={18} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                {conversation.isSpam ? (
                  <Menu.Item
                    leftSection={<IconShieldCheck size={14} />}
                    onClick={() => change({ isSpam: false }, 'Not spam: new conversations from this sender arrive in the inbox again.')}
                  >
                    Not spam
                  </Menu.Item>
                ) : (
                  <Menu.Item
                    leftSection={<IconShieldX size={14} />}
                    onClick={() => change({ isSpam: true }, 'Marked as spam: new conversations from this sender go to spam too.')}
                  >
                    Mark as spam
                  </Menu.Item>
                )}
                <Menu.Item leftSection={<IconGitMerge size={14} />} onClick={() => setMerging(true)}>
                  Merge into…
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Group>
      {mergedIntoId && (
        <Alert color="blue" variant="light" icon={<IconGitMerge size={18} />} title="Merged" p="xs">
          <Group gap="xs" justify="space-between">
            <Text size="sm">This conversation was merged into another one; its messages and replies are there now.</Text>
            <Button size="xs" variant="default" onClick={() => onMerged(mergedIntoId)}>
              Open that conversation
            </Button>
          </Group>
        </Alert>
      )}
      <PresenceIndicator viewers={conversation.viewers} selfId={userId} />
      <Group gap={6} wrap="wrap">
        <Select
          aria-label="Status"
          size="xs"
          w={118}
          leftSection={<IconCircleDot size={14} aria-hidden />}
          data={CONVERSATION_STATUSES.filter((s) => s !== 'snoozed' || conversation.status === 'snoozed').map((s) => ({
            value: s,
            label: STATUS_LABELS[s],
          }))}
          value={conversation.status}
          onChange={(value) => value && value !== conversation.status && change({ status: value as Conversation['status'] })}
          allowDeselect={false}
          disabled={!canWrite}
        />
        <Select
          aria-label="Priority"
          size="xs"
          w={112}
          leftSection={<IconFlag size={14} aria-hidden />}
          data={PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))}
          value={conversation.priority}
          onChange={(value) => value && change({ priority: value as Conversation['priority'] })}
          allowDeselect={false}
          disabled={!canWrite}
        />
        <MemberSelect
          aria-label="Assignee"
          size="xs"
          w={160}
          leftSection={<IconUserCircle size={14} aria-hidden />}
          placeholder="Unassigned"
          clearable
          value={conversation.assigneeId}
          onChange={(assigneeId) => change({ assigneeId })}
          disabled={!canWrite}
        />
        <Select
          aria-label="Team"
          size="xs"
          w={140}
          leftSection={<IconUsersGroup size={14} aria-hidden />}
          placeholder="No team"
          clearable
          data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
          value={conversation.teamId}
          onChange={(teamId) => change({ teamId })}
          disabled={!canWrite}
        />
        {canWrite && (
          <Group gap={6} wrap="nowrap" ml="auto">
            <SnoozeMenu snoozedUntil={conversation.snoozedUntil} onSnooze={(until) => change({ status: 'snoozed', snoozedUntil: until })} />
            <Button
              size="xs"
              leftSection={resolved ? <IconArrowBackUp size={14} /> : <IconCheck size={14} />}
              variant={resolved ? 'default' : 'filled'}
              loading={update.isPending && update.variables?.status !== undefined}
              onClick={() => change({ status: resolved ? 'open' : 'resolved' })}
            >
              {resolved ? 'Reopen' : 'Resolve'}
            </Button>
          </Group>
        )}
      </Group>
      <ConversationLabels key={conversation.id} conversation={conversation} disabled={!canWrite} />
      {merging && (
        <MergeDialog
          conversation={conversation}
          opened
          onClose={() => setMerging(false)}
          onMerged={(id) => {
            setMerging(false);
            onMerged(id);
          }}
        />
      )}
    </Stack>
  );
}
