/** A task in a list: tick it done, see when it is due and whom it is about. */
import { Anchor, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime, formatTime } from '../../lib/format';
import { TaskDoneCheckbox } from './TaskDoneCheckbox';
import type { Task } from './types';
import { TEXT_COLORS } from '../../ui/text-colors';

export function TaskRow({
  task,
  showTimeOnly,
  showUnassigned,
}: {
  task: Task;
  showTimeOnly?: boolean;
  /** Say "Unassigned" where a list mixes everyone's tasks. */
  showUnassigned?: boolean;
}) {
  const overdue = !task.done && task.dueAt !== null && new Date(task.dueAt) < new Date();
  const about = task.contactId
    ? { to: `/contacts/${task.contactId}`, name: task.contactName }
    : task.companyId
      ? { to: `/companies/${task.companyId}`, name: task.companyName }
      : null;
  return (
    <Group component="li" wrap="nowrap" align="flex-start" gap="sm" py={6}>
      <TaskDoneCheckbox taskId={task.id} title={task.title} done={task.done} />
      <div style={{ minWidth: 0, flex: 1 }}>
        <Text size="sm" fw={500} td={task.done ? 'line-through' : undefined} dir="auto">
          {task.title}
        </Text>
        <Group gap={6} wrap="wrap">
          {task.dueAt && (
            <Text
              component="time"
              dateTime={task.dueAt}
              size="xs"
              c={overdue ? TEXT_COLORS.danger : 'dimmed'}
              fw={overdue ? 600 : undefined}
            >
              {showTimeOnly ? formatTime(task.dueAt) : formatDateTime(task.dueAt)}
            </Text>
          )}
          {about && (
            <Anchor component={Link} to={about.to} size="xs" dir="auto">
              {about.name ?? 'Open record'}
            </Anchor>
          )}
          {(task.assigneeName || showUnassigned) && (
            <Text size="xs" c="dimmed">
              · {task.assigneeName ?? 'Unassigned'}
            </Text>
          )}
        </Group>
      </div>
    </Group>
  );
}
