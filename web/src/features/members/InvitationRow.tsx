/** One pending invitation in the members table: shown by the address it went to, until its person answers. */
import { ActionIcon, Avatar, Badge, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMailX } from '@tabler/icons-react';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useWithdrawInvitation } from './api';
import { TeamBadges } from './TeamBadges';
import { RECORD_SCOPES, ROLES, type Invitation } from './types';

export function InvitationRow({
  invitation,
  teamNames,
  stacked,
}: {
  invitation: Invitation;
  teamNames: string[];
  /** Role, scope and teams under the address, in one cell, for a narrow screen. */
  stacked: boolean;
}) {
  const withdraw = useWithdrawInvitation();
  const [confirming, { open, close }] = useDisclosure(false);
  const role = <Text size="sm">{ROLES.find((r) => r.value === invitation.role)?.label ?? invitation.role}</Text>;
  const scope = <Text size="sm">{RECORD_SCOPES.find((s) => s.value === invitation.recordScope)?.label ?? invitation.recordScope}</Text>;
  const identity = (
    <Group gap="sm" wrap="nowrap">
      <Avatar color="gray" size={32} />
      <div style={{ minWidth: 0 }}>
        <Text size="sm" fw={500} truncate>
          {invitation.email}
        </Text>
        <Badge variant="light" color="yellow" size="sm" tt="none">
          Invited, not yet accepted
        </Badge>
      </div>
    </Group>
  );
  return (
    <Table.Tr>
      {stacked ? (
        <Table.Td>
          <Stack gap={6}>
            {identity}
            {role}
            {scope}
            <TeamBadges names={teamNames} />
          </Stack>
        </Table.Td>
      ) : (
        <>
          <Table.Td>{identity}</Table.Td>
          <Table.Td>{role}</Table.Td>
          <Table.Td>{scope}</Table.Td>
          <Table.Td visibleFrom="md">
            <TeamBadges names={teamNames} />
          </Table.Td>
        </>
      )}
      <Table.Td w={60}>
        <Tooltip label={`Withdraw the invitation of ${invitation.email}`}>
          <ActionIcon variant="subtle" color="red" aria-label={`Withdraw the invitation of ${invitation.email}`} onClick={open}>
            <IconMailX size={16} />
          </ActionIcon>
        </Tooltip>
        <ConfirmDialog
          opened={confirming}
          title={`Withdraw the invitation of ${invitation.email}?`}
          confirmLabel="Withdraw invitation"
          pending={withdraw.isPending}
          error={withdraw.error}
          onClose={close}
          onConfirm={() => withdraw.mutate(invitation.id, { onSuccess: close })}
        >
          They will no longer be able to accept it. You can invite them again later.
        </ConfirmDialog>
      </Table.Td>
    </Table.Tr>
  );
}
