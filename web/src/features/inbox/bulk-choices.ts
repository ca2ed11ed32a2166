/**
 * The choices in the bulk actions' menus, in groups a divider sets apart: each names what it does,
 * the action the bulk API takes, and what the confirmation says once it is done.
 */
import { PRIORITY_LABELS, STATUS_LABELS } from './labels';
import { BULK_STATUSES, PRIORITIES, type BulkAction } from './types';

export interface BulkChoice {
  key: string;
  label: string;
  action: BulkAction;
  done: string;
}

interface Named {
  id: string;
  name: string;
}

export function assigneeChoices(userId: string, members: readonly Named[]): BulkChoice[][] {
  return [
    [
      { key: 'me', label: 'Me', action: { assigneeId: userId }, done: 'Assigned to you' },
      { key: 'nobody', label: 'Nobody', action: { assigneeId: null }, done: 'Unassigned' },
    ],
    members.map((member) => ({
      key: member.id,
      label: member.name,
      action: { assigneeId: member.id },
      done: `Assigned to ${member.name}`,
    })),
  ];
}

export function teamChoices(teams: readonly Named[]): BulkChoice[][] {
  return [
    [{ key: 'none', label: 'No team', action: { teamId: null }, done: 'Team removed' }],
    teams.map((team) => ({ key: team.id, label: team.name, action: { teamId: team.id }, done: `Moved to ${team.name}` })),
  ];
}

export const STATUS_CHOICES: BulkChoice[][] = [
  BULK_STATUSES.map((status) => ({ key: status, label: STATUS_LABELS[status], action: { status }, done: STATUS_LABELS[status] })),
];

export const PRIORITY_CHOICES: BulkChoice[][] = [
  PRIORITIES.map((priority) => ({
    key: priority,
    label: PRIORITY_LABELS[priority],
    action: { priority },
    done: `${PRIORITY_LABELS[priority]} priority`,
  })),
];
