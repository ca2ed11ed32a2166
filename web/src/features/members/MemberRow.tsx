/** One member in the settings table: role and record scope can be changed in place. */
import { ActionIcon, Avatar, Select, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserMinus } from '@tabler/icons-react';
import type { RecordScope, Role } from '../../lib/types';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { notifyFailure } from '../../ui/notify-failure';
import { useChangeMember, useRemoveMember } from './api';
import { MemberTableRow } from './MemberTableRow';
import { RECORD_SCOPES, ROLES, type Member } from './types';

export function MemberRow({
  member,
  teamNames,
  editable,
  isSelf,
  stacked,
}: {
  member: Member;
  teamNames: string[];
  editable: boolean;
  isSelf: boolean;
  stacked: boolean;
}) {
  const change = useChangeMember();
  const remove = useRemoveMember();
  const [confirming, { open, close }] = useDisclosure(false);
  const onError = (error: Error) => notifyFailure(`Could not change ${member.name}`, error);
  const role =
    editable && !isSelf ? (
      <Select
        aria-label={`Role of ${member.name}`}
        data={ROLES.map((r) => ({ value: r.value, label: r.label }))}
        value={member.role}
        onChange={(value) => value && change.mutate({ id: member.id, role: value as Role }, { onError })}
        allowDeselect={false}
        size="xs"
        w={stacked ? '100%' : 120}
      />
    ) : (
      <Text size="sm">{ROLES.find((r) => r.value === member.role)?.label ?? member.role}</Text>
    );
  const scope = editable ? (
    <Select
      aria-label={`Records ${member.name} sees`}
      data={RECORD_SCOPES}
      value={member.recordScope}
      onChange={(value) => value && change.mutate({ id: member.id, recordScope: value as RecordScope }, { onError })}
      allowDeselect={false}
      size="xs"
      w={stacked ? '100%' : 200}
    />
  ) : (
    <Text size="sm">{RECORD_SCOPES.find((s) => s.value === member.recordScope)?.label ?? member.recordScope}</Text>
  );
  return (
    <MemberTableRow
      avatar={<Avatar name={member.name} color="initials" size={32} />}
      title={
        <>
          {member.name}{' '}
          {isSelf && (
            <Text span size="xs" c="dimmed">
              (you)
            </Text>
          )}
        </>
      }
      detail={
        <Text size="xs" c="dimmed" truncate>
          {member.email}
        </Text>
      }
      role={role}
      scope={scope}
      teamNames={teamNames}
      stacked={stacked}
      action={
        <>
          {editable && !isSelf && (
            <Tooltip label={`Remove ${member.name}`}>
              <ActionIcon variant="subtle" color="red" aria-label={`Remove ${member.name}`} onClick={open}>
                <IconUserMinus size={16} />
              </ActionIcon>
            </Tooltip>
          )}
          <ConfirmDialog
            opened={confirming}
            title={`Remove ${member.name}?`}
            confirmLabel="Remove member"
            pending={remove.isPending}
            error={remove.error}
            onClose={close}
            onConfirm={() => remove.mutate(member.id, { onSuccess: close })}
          >
            {member.name} will no longer be able to sign in to this workspace. Records they own keep them as owner.
          </ConfirmDialog>
        </>
      }
    />
  );
}
