/** One pending invitation in the members table: shown by the address it went to, until its person answers. */
import { ActionIcon, Avatar, Badge, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMailX } from '@tabler/icons-react';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useWithdrawInvitation } from './api';
import { MemberTableRow } from './MemberTableRow';
import { RECORD_SCOPES, ROLES, type Invitation } from './types';

export function InvitationRow({ invitation, teamNames, stacked }: { invitation: Invitation; teamNames: string[]; stacked: boolean }) {
  const withdraw = useWithdrawInvitation();
  const [confirming, { open, close }] = useDisclosure(false);
  return (
    <MemberTableRow
      avatar={<Avatar color="gray" size={32} />}
      title={invitation.email}
      detail={
        <Badge variant="light" color="yellow" size="sm" tt="none">
          Invited, not yet accepted
        </Badge>
      }
      role={<Text size="sm">{ROLES.find((r) => r.value === invitation.role)?.label ?? invitation.role}</Text>}
      scope={<Text size="sm">{RECORD_SCOPES.find((s) => s.value === invitation.recordScope)?.label ?? invitation.recordScope}</Text>}
      teamNames={teamNames}
      stacked={stacked}
      action={
        <>
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
        </>
      }
    />
  );
}
