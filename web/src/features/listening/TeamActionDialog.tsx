/**
 * Picks the team for "hand to a team" or "make a lead". Left empty, the server chooses (the
 * service team for a case, the sales team for a lead), so the usual case is one click.
 */
import { useState } from 'react';
import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { Dialog } from '../../ui/Dialog';
import { useTeams } from '../teams/api';
import type { MentionActionInfo } from './types';

/** Which team the server falls back to for each action that takes a team. */
export const TEAM_ACTION_DEFAULTS: Record<string, string> = {
  'hand-to-team': 'the service team',
  'make-lead': 'the sales team',
};

export function TeamActionDialog({
  action,
  authorName,
  pending,
  onRun,
  onClose,
}: {
  action: MentionActionInfo | null;
  authorName: string;
  pending: boolean;
  onRun: (teamId: string | undefined) => void;
  onClose: () => void;
}) {
  const teams = useTeams();
  const [teamId, setTeamId] = useState<string | null>(null);
  const fallback = action ? (TEAM_ACTION_DEFAULTS[action.name] ?? 'the default team') : '';
  return (
    <Dialog opened={action !== null} onClose={onClose} title={action ? `${action.label}: mention by ${authorName}` : ''} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onRun(teamId ?? undefined);
        }}
      >
        <Stack>
          {action && (
            <Text size="sm" c="dimmed">
              {action.description}
            </Text>
          )}
          <Select
            label="Team"
            placeholder={`Default: ${fallback}`}
            description={`Leave empty to use ${fallback}.`}
            data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
            value={teamId}
            onChange={setTeamId}
            clearable
            searchable
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            {/* The default team is the usual choice: Enter runs the action at once. */}
            <Button type="submit" loading={pending} data-autofocus>
              {action?.label ?? 'Run'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
