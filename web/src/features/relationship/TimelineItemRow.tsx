/**
 * One entry of the customer 360 timeline: what kind, on which channel, which way, how it felt and
 * when, with the way to its conversation where there is one.
 */
import { Anchor, Group, Paper, Text, ThemeIcon } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime, formatRelative } from '../../lib/format';
import { formatDuration } from '../activities/duration';
import { NetworkLabel } from '../listening/NetworkLabel';
import { SentimentBadge } from '../listening/SentimentBadge';
import { TaskDoneCheckbox } from '../tasks/TaskDoneCheckbox';
import { DeleteEntryButton } from './DeleteEntryButton';
import { EditEntryButton } from './EditEntryButton';
import { TIMELINE_KIND_META } from './timeline-kinds';
import { canChangeEntry, type TimelineMember } from './timeline-permissions';
import { TimelineBody } from './TimelineBody';
import { TEXT_COLORS } from '../../ui/text-colors';
import type { TaskState, TimelineItem } from './types';

const DIRECTION_LABELS = { in: 'Incoming', out: 'Outgoing' } as const;

/** Messages and mentions the customer wrote are "from" them; what the team logged or sent is "by" someone. */
const isFromCustomer = (item: TimelineItem) => item.kind === 'mention' || (item.kind === 'message' && item.direction !== 'out');

function When({ iso }: { iso: string }) {
  return (
    <Text component="time" dateTime={iso} size="xs" c="dimmed" title={formatDateTime(iso)} style={{ whiteSpace: 'nowrap' }}>
      {formatRelative(iso)}
    </Text>
  );
}

function TaskStatus({ task }: { task: TaskState }) {
  const overdue = !task.doneAt && task.dueAt && new Date(task.dueAt) < new Date();
  return (
    <Text size="xs" c={overdue ? TEXT_COLORS.danger : 'dimmed'}>
      {task.doneAt ? `Done ${formatRelative(task.doneAt)}` : task.dueAt ? `Due ${formatDateTime(task.dueAt)}` : 'No due date'}
      {' · '}
      {task.assigneeName ? `Assigned to ${task.assigneeName}` : 'Unassigned'}
    </Text>
  );
}

/** Changes (a stage moved, a merge) are one quiet line. */
function SystemRow({ item }: { item: TimelineItem }) {
  const kind = TIMELINE_KIND_META.system;
  return (
    <Group component="li" wrap="nowrap" gap="sm" align="center">
      <ThemeIcon variant="light" color={kind.color} radius="xl" size="lg" aria-hidden>
        <kind.icon size={18} />
      </ThemeIcon>
      <Text size="sm" c="dimmed" style={{ flex: 1 }}>
        {item.title}
        {item.author && ` · ${item.author}`}
      </Text>
      <When iso={item.occurredAt} />
    </Group>
  );
}

export function TimelineItemRow({ item, member }: { item: TimelineItem; member: TimelineMember }) {
  if (item.kind === 'system') return <SystemRow item={item} />;
  const { task } = item;
  const kind = TIMELINE_KIND_META[item.kind] ?? TIMELINE_KIND_META.system;
  const title = item.title || kind.label;
  const what = kind.label.toLowerCase();
  return (
    <Group component="li" align="flex-start" wrap="nowrap" gap="sm">
      <ThemeIcon variant="light" color={kind.color} radius="xl" size="lg" aria-hidden>
        <kind.icon size={18} />
      </ThemeIcon>
      <Paper withBorder p="sm" style={{ flex: 1, minWidth: 0 }}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            {task && <TaskDoneCheckbox taskId={item.id} title={title} done={Boolean(task.doneAt)} />}
            <Text
              fw={600}
              size="sm"
              lineClamp={2}
              td={task?.doneAt ? 'line-through' : undefined}
              style={{ overflowWrap: 'anywhere' }}
              dir="auto"
            >
              {title}
            </Text>
          </Group>
          <Group gap={4} wrap="nowrap">
            <When iso={item.occurredAt} />
            {canChangeEntry(item, member) && (
              <>
                <EditEntryButton id={item.id} isTask={Boolean(task)} what={what} />
                <DeleteEntryButton id={item.id} isTask={Boolean(task)} what={what} />
              </>
            )}
          </Group>
        </Group>
        <Group gap={8} mt={2}>
          <Text size="xs" c="dimmed">
            {kind.label}
          </Text>
          {/* Listening heard it too: why the Mentions filter shows a message. */}
          {item.kind !== 'mention' && item.isMention && (
            <Text size="xs" c="dimmed">
              Also a mention
            </Text>
          )}
          {item.durationMinutes !== null && (
            <Text size="xs" c="dimmed">
              {formatDuration(item.durationMinutes)}
            </Text>
          )}
          {item.network && <NetworkLabel network={item.network} />}
          {item.direction && (
            <Text size="xs" c="dimmed">
              {DIRECTION_LABELS[item.direction]}
            </Text>
          )}
          {item.author && (
            <Text size="xs" c="dimmed">
              {isFromCustomer(item) ? `from ${item.author}` : `by ${item.author}`}
            </Text>
          )}
          {task && <TaskStatus task={task} />}
          <SentimentBadge sentiment={item.sentiment} />
        </Group>
        {item.body && <TimelineBody body={item.body} />}
        {item.conversationId && (
          <Anchor component={Link} to={`/inbox/${item.conversationId}`} size="xs" mt={4} display="inline-block">
            Open conversation
          </Anchor>
        )}
      </Paper>
    </Group>
  );
}
