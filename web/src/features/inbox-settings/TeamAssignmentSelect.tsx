/** How one team hands out the new conversations routed to it; saved as soon as it is chosen. */
import { Loader, Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { actionFailure } from '../../ui/form-problems';
import { notifyFailure } from '../../ui/notify-failure';
import type { Team } from '../teams/types';
import { useSetTeamAssignment, useTeamInboxSettings } from './api';
import { ASSIGNMENT_MODES, type AssignmentMode } from './types';

export const ASSIGNMENT_LABELS: Record<AssignmentMode, string> = {
  manual: 'Manual: the team picks',
  round_robin: 'Round-robin: each member in turn',
  least_loaded: 'Least loaded: fewest open conversations',
};

const OPTIONS = ASSIGNMENT_MODES.map((mode) => ({ value: mode, label: ASSIGNMENT_LABELS[mode] }));

export function TeamAssignmentSelect({ team, editable }: { team: Team; editable: boolean }) {
  const settings = useTeamInboxSettings(team.id);
  const save = useSetTeamAssignment(team.id);
  const members = team.memberIds.length;
  const handsOut = settings.data && settings.data.assignment !== 'manual';
  return (
    <Select
      label={team.name}
      description={
        handsOut && members === 0
          ? 'No members: conversations stay unassigned until someone joins'
          : `${members} ${members === 1 ? 'member' : 'members'}`
      }
      data={OPTIONS}
      value={save.isPending ? save.variables : (settings.data?.assignment ?? null)}
      onChange={(mode) =>
        mode &&
        save.mutate(mode as AssignmentMode, {
          onSuccess: () => notifications.show({ message: `${team.name}: ${ASSIGNMENT_LABELS[mode as AssignmentMode]}` }),
          onError: (error) => notifyFailure(`Could not change how ${team.name} assigns`, error),
        })
      }
      readOnly={!editable || !settings.isSuccess}
      allowDeselect={false}
      rightSection={settings.isPending || save.isPending ? <Loader size="xs" aria-label={`Loading ${team.name}`} /> : undefined}
      error={settings.isError ? `Could not load: ${actionFailure(settings.error)?.message}` : undefined}
    />
  );
}
