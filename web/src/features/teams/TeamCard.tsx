/** One team: its name and members, with edit and delete for admins. */
import { ActionIcon, Avatar, Card, Group, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useDeleteTeam } from './api';
import { TeamDialog } from './TeamDialog';
import type { Team } from './types';

export function TeamCard({ team, memberName, editable }: { team: Team; memberName: (id: string) => string | null; editable: boolean }) {
  const [editing, edit] = useDisclosure(false);
  const [deleting, confirm] = useDisclosure(false);
  const remove = useDeleteTeam();
  const names = team.memberIds.map(memberName).filter((n): n is string => Boolean(n));
  return (
    <Card withBorder component="li">
      <Group justify="space-between" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Text fw={600}>{team.name}</Text>
          <Text size="sm" c="dimmed">
            {names.length === 0 ? 'No members' : names.join(', ')}
          </Text>
        </div>
        <Group gap={4} wrap="nowrap">
          <Avatar.Group visibleFrom="sm">
            {names.slice(0, 4).map((name) => (
              <Avatar key={name} name={name} color="initials" size={28} />
            ))}
          </Avatar.Group>
          {editable && (
            <>
              <Tooltip label={`Edit ${team.name}`}>
                <ActionIcon variant="subtle" color="gray" aria-label={`Edit team ${team.name}`} onClick={edit.open}>
                  <IconPencil size={16} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={`Delete ${team.name}`}>
                <ActionIcon variant="subtle" color="red" aria-label={`Delete team ${team.name}`} onClick={confirm.open}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </>
          )}
        </Group>
      </Group>
      <TeamDialog key={editing ? 'open' : 'closed'} team={team} opened={editing} onClose={edit.close} />
      <ConfirmDialog
        opened={deleting}
        title={`Delete team ${team.name}?`}
        confirmLabel="Delete team"
        pending={remove.isPending}
        error={remove.error}
        onClose={confirm.close}
        onConfirm={() => remove.mutate(team.id, { onSuccess: confirm.close })}
      >
        Its members stay in the workspace. Records assigned to the team lose their team.
      </ConfirmDialog>
    </Card>
  );
}
