/** One group of My day's tasks: overdue, today or upcoming. */
import { Badge, Card, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { TaskRow } from '../tasks/TaskRow';
import type { Task } from '../tasks/types';
import { TEXT_COLORS } from '../../ui/text-colors';

export function TaskGroup({
  id,
  title,
  tasks,
  empty,
  tone,
  showTimeOnly,
}: {
  id: string;
  title: string;
  tasks: Task[];
  empty: string;
  tone?: 'danger';
  showTimeOnly?: boolean;
}) {
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id={id} c={tone === 'danger' && tasks.length > 0 ? TEXT_COLORS.danger : undefined}>
          {title}
        </Title>
        <Badge variant="light" color={tone === 'danger' && tasks.length > 0 ? 'red' : 'gray'}>
          {tasks.length}
          <VisuallyHidden> tasks</VisuallyHidden>
        </Badge>
      </Group>
      {tasks.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack component="ul" gap={0} p={0} m={0} style={{ listStyle: 'none' }}>
          {tasks.map((task) => (
            <TaskRow key={task.id} task={task} showTimeOnly={showTimeOnly} />
          ))}
        </Stack>
      )}
    </Card>
  );
}
