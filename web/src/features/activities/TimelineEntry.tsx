/** One entry on a timeline: what happened, who logged it and when; tasks can be ticked done. */
import { Group, Paper, Text, ThemeIcon } from '@mantine/core';
import { formatDateTime, formatRelative } from '../../lib/format';
import { TaskDoneCheckbox } from '../tasks/TaskDoneCheckbox';
import { ACTIVITY_KINDS } from './activity-kinds';
import { DeleteActivityButton } from './DeleteActivityButton';
import type { Activity } from './types';
import { TEXT_COLORS } from '../../ui/text-colors';

function When({ iso }: { iso: string }) {
  return (
    <Text component="time" dateTime={iso} size="xs" c="dimmed" title={formatDateTime(iso)} style={{ whiteSpace: 'nowrap' }}>
      {formatRelative(iso)}
    </Text>
  );
}

function TaskLine({ activity }: { activity: Activity }) {
  const overdue = !activity.doneAt && activity.dueAt && new Date(activity.dueAt) < new Date();
  return (
    <Text size="xs" c={overdue ? TEXT_COLORS.danger : 'dimmed'}>
      {activity.doneAt
        ? `Done ${formatRelative(activity.doneAt)}`
        : activity.dueAt
          ? `Due ${formatDateTime(activity.dueAt)}`
          : 'No due date'}
      {' · '}
      {activity.assigneeName ? `Assigned to ${activity.assigneeName}` : 'Unassigned'}
    </Text>
  );
}

/** System entries (a stage changed, a contact joined a company) are one quiet line. */
function SystemEntry({ activity }: { activity: Activity }) {
  const kind = ACTIVITY_KINDS.system;
  return (
    <Group component="li" wrap="nowrap" gap="sm" align="center">
      <ThemeIcon variant="light" color={kind.color} radius="xl" size="lg" aria-hidden>
        <kind.icon size={18} />
      </ThemeIcon>
      <Text size="sm" c="dimmed" style={{ flex: 1 }}>
        {activity.subject || activity.systemEvent}
        {activity.authorName && ` · ${activity.authorName}`}
      </Text>
      <When iso={activity.occurredAt} />
    </Group>
  );
}

export function TimelineEntry({ activity, canWrite }: { activity: Activity; canWrite: boolean }) {
  if (activity.type === 'system') return <SystemEntry activity={activity} />;
  const kind = ACTIVITY_KINDS[activity.type] ?? ACTIVITY_KINDS.system;
  const isTask = activity.type === 'task';
  const title = activity.subject || kind.label;
  const meta = [
    kind.label,
    activity.direction === 'in' ? 'incoming' : activity.direction === 'out' ? 'outgoing' : null,
    activity.durationMinutes ? `${activity.durationMinutes} min` : null,
    activity.authorName ? `by ${activity.authorName}` : null,
  ].filter(Boolean);
  return (
    <Group component="li" align="flex-start" wrap="nowrap" gap="sm">
      <ThemeIcon variant="light" color={kind.color} radius="xl" size="lg" aria-hidden>
        <kind.icon size={18} />
      </ThemeIcon>
      <Paper withBorder p="sm" style={{ flex: 1, minWidth: 0 }}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            {isTask && <TaskDoneCheckbox taskId={activity.id} title={title} done={Boolean(activity.doneAt)} disabled={!canWrite} />}
            <Text fw={600} size="sm" td={isTask && activity.doneAt ? 'line-through' : undefined} lineClamp={2}>
              {title}
            </Text>
          </Group>
          <Group gap={4} wrap="nowrap">
            <When iso={activity.occurredAt} />
            {canWrite && ['note', 'call', 'meeting', 'email'].includes(activity.type) && (
              <DeleteActivityButton id={activity.id} what={kind.label.toLowerCase()} />
            )}
          </Group>
        </Group>
        {isTask ? (
          <TaskLine activity={activity} />
        ) : (
          <Text size="xs" c="dimmed">
            {meta.join(' · ')}
          </Text>
        )}
        {activity.body && (
          <Text size="sm" mt={6} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {activity.body}
          </Text>
        )}
      </Paper>
    </Group>
  );
}
