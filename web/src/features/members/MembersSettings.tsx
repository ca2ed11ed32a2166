/** Settings › Members: who is in the workspace, their role and which records they see, and who is invited. */
import { Button, Group, Loader, Paper, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { QueryError } from '../../ui/QueryError';
import { ResponsiveTable, useStackedRows } from '../../ui/ResponsiveTable';
import { usePermissions } from '../auth/permissions';
import { useTeams } from '../teams/api';
import { AddMemberDialog } from './AddMemberDialog';
import { useInvitations, useMembers } from './api';
import { InvitationRow } from './InvitationRow';
import { MemberRow } from './MemberRow';
import { MEMBER_COLUMNS } from './MemberTableRow';

export function MembersSettings() {
  const members = useMembers();
  const teams = useTeams();
  const { isAdmin, userId } = usePermissions();
  const invitations = useInvitations(isAdmin);
  const [adding, { open, close }] = useDisclosure(false);
  const stacked = useStackedRows();
  const teamName = new Map((teams.data ?? []).map((t) => [t.id, t.name]));
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">
          Roles decide what members may do; “sees” decides which contacts and companies they can open.
        </Text>
        {isAdmin && (
          <Button leftSection={<IconUserPlus size={16} />} onClick={open}>
            Add member
          </Button>
        )}
      </Group>
      {members.isPending && <Loader size="sm" aria-label="Loading members" />}
      {members.isError && <QueryError title="Could not load members" error={members.error} />}
      {members.data && (
        <Paper withBorder>
          <ResponsiveTable label="Members" columns={MEMBER_COLUMNS} stacked={stacked} minWidth={640} withActions>
            {members.data.map((member) => (
              <MemberRow
                key={member.id}
                member={member}
                teamNames={member.teamIds.map((id) => teamName.get(id) ?? '').filter(Boolean)}
                editable={isAdmin}
                isSelf={member.id === userId}
                stacked={stacked}
              />
            ))}
            {(invitations.data ?? []).map((invitation) => (
              <InvitationRow
                key={invitation.id}
                invitation={invitation}
                teamNames={invitation.teamIds.map((id) => teamName.get(id) ?? '').filter(Boolean)}
                stacked={stacked}
              />
            ))}
          </ResponsiveTable>
        </Paper>
      )}
      <AddMemberDialog key={adding ? 'open' : 'closed'} opened={adding} onClose={close} />
    </>
  );
}
