/** Settings › Routing: how new conversations find their team (rules) and their agent (each team's assignment). */
import { Alert, Stack } from '@mantine/core';
import { usePermissions } from '../auth/permissions';
import { RoutingRuleList } from './RoutingRuleList';
import { TeamAssignmentList } from './TeamAssignmentList';

export function RoutingSettingsPanel() {
  const { isAdmin } = usePermissions();
  return (
    <Stack gap="xl" maw={960}>
      {!isAdmin && <Alert color="gray">Only owners and admins can change routing.</Alert>}
      <RoutingRuleList editable={isAdmin} />
      <TeamAssignmentList editable={isAdmin} />
    </Stack>
  );
}
