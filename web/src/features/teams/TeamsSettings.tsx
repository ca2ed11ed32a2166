/** Settings › Teams: groups of members who share records. */
import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUsersPlus } from '@tabler/icons-react';
import { QueryError } from '../../ui/QueryError';
import { usePermissions } from '../auth/permissions';
import { useMemberNames } from '../members/use-member-names';
import { useTeams } from './api';
import { TeamCard } from './TeamCard';
import { TeamDialog } from './TeamDialog';

export function TeamsSettings() {
  const teams = useTeams();
  const memberName = useMemberNames();
  const { isAdmin } = usePermissions();
  const [creating, { open, close }] = useDisclosure(false);
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">
          Members with the “their teams' records” scope see the contacts and companies of their teams.
        </Text>
        {isAdmin && (
          <Button leftSection={<IconUsersPlus size={16} />} onClick={open}>
            New team
          </Button>
        )}
      </Group>
      {teams.isPending && <Loader size="sm" aria-label="Loading teams" />}
      {teams.isError && <QueryError title="Could not load teams" error={teams.error} />}
      {teams.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          No teams yet.
        </Text>
      )}
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Teams">
        {teams.data?.map((team) => (
          <TeamCard key={team.id} team={team} memberName={memberName} editable={isAdmin} />
        ))}
      </Stack>
      <TeamDialog key={creating ? 'open' : 'closed'} opened={creating} onClose={close} />
    </>
  );
}
