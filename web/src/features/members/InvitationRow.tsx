/** One pending invitation in the members table: shown by the address it went to, until its person answers. */
import { ActionIcon, Avatar, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMailX } from '@tabler/icons-react';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useWithdrawInvitation } from './api';
import { RECORD_SCOPES, ROLES, type Invitation } from './types';

export function InvitationRow({ invitation, teamNames }: { invitation: Invitation; teamNames: string[] }) {
  const withdraw = useWithdrawInvitation();
  const [confirming, { open, close }] = useDisclosure(false);
  return (
    <Table.Tr>
      <Table.Td>
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
      </Table.Td>
      <Table.Td>
        <Text size="sm">{ROLES.find((r) => r.value === invitation.role)?.label ?? invitation.role}</Text>
      </Table.Td>
      <Table.Td visibleFrom="sm">
        <Text size="sm">{RECORD_SCOPES.find((s) => s.value === invitation.recordScope)?.label ?? invitation.recordScope}</Text>
      </Table.Td>
      <Table.Td visibleFrom="md">
        <Group gap={4}>
          {teamNames.map((name) => (
            <Badge key={name} variant="light" color="gray" tt="none">
              {name}
            </Badge>
          ))}
        </Group>
      </Table.Td>
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
