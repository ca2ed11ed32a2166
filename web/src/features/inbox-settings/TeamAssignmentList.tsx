/** Each team's assignment mode: who gets a new conversation once a rule (or its channel) gives it to the team. */
import { Loader, SimpleGrid, Text, Title } from '@mantine/core';
import { QueryError } from '../../ui/QueryError';
import { useTeams } from '../teams/api';
import { TeamAssignmentSelect } from './TeamAssignmentSelect';

export function TeamAssignmentList({ editable }: { editable: boolean }) {
  const teams = useTeams();
  return (
    <section aria-labelledby="team-assignment-heading">
      <Title order={2} size="h4" id="team-assignment-heading" mb="xs">
        Team assignment
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        When a new conversation comes to a team without an assignee, the team hands it to one of its members this way.
      </Text>
      {teams.isPending && <Loader size="sm" aria-label="Loading teams" />}
      {teams.isError && <QueryError title="Could not load teams" error={teams.error} onRetry={() => void teams.refetch()} />}
      {teams.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          No teams yet: add them under Teams.
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {teams.data?.map((team) => (
          <TeamAssignmentSelect key={team.id} team={team} editable={editable} />
        ))}
      </SimpleGrid>
    </section>
  );
}
