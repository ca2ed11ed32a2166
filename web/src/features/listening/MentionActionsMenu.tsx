/** The "Actions" menu of a mention: every action the server's registry offers, to act on what was heard. */
import { useState } from 'react';
import { Button, Loader, Menu } from '@mantine/core';
import { IconBolt, IconChevronDown } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { notifyFailure } from '../../ui/notify-failure';
import { usePermissions } from '../auth/permissions';
import { useMentionActions, useRunMentionAction } from './api';
import { showActionResult } from './action-result';
import { TEAM_ACTION_DEFAULTS, TeamActionDialog } from './TeamActionDialog';
import type { MentionActionInfo } from './types';

export function MentionActionsMenu({ mentionId, authorName }: { mentionId: string; authorName: string }) {
  const actions = useMentionActions();
  const run = useRunMentionAction();
  const navigate = useNavigate();
  const { canWrite, isAdmin } = usePermissions();
  const [choosingTeam, setChoosingTeam] = useState<MentionActionInfo | null>(null);
  const available = (actions.data ?? []).filter((a) => a.role !== 'admin' || isAdmin);

  const start = (action: MentionActionInfo, teamId?: string) =>
    run.mutate(
      { mentionId, action: action.name, teamId },
      {
        onSuccess: (result) => {
          setChoosingTeam(null);
          showActionResult(action.label, result, (to) => void navigate(to));
        },
        onError: (error) => notifyFailure(`${action.label} did not work`, error),
      },
    );

  return (
    <>
      {/* Busy, not disabled, while an action runs: the menu gives the focus back to its button. */}
      <Menu position="bottom-end" withinPortal disabled={run.isPending}>
        <Menu.Target>
          <Button
            size="compact-sm"
            variant="default"
            leftSection={run.isPending && choosingTeam === null ? <Loader size={14} aria-hidden /> : <IconBolt size={14} aria-hidden />}
            rightSection={<IconChevronDown size={12} aria-hidden />}
            disabled={!canWrite || available.length === 0}
            aria-busy={run.isPending || undefined}
          >
            Actions
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {available.map((action) => (
            <Menu.Item
              key={action.name}
              title={action.description}
              onClick={() => (action.name in TEAM_ACTION_DEFAULTS ? setChoosingTeam(action) : start(action))}
            >
              {action.label}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <TeamActionDialog
        key={choosingTeam?.name ?? 'closed'}
        action={choosingTeam}
        authorName={authorName}
        pending={run.isPending}
        onRun={(teamId) => choosingTeam && start(choosingTeam, teamId)}
        onClose={() => setChoosingTeam(null)}
      />
    </>
  );
}
