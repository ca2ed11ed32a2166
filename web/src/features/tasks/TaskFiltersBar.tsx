/** Whose tasks, which status and when due, and in which order: the task list's filters and sort. */
import { Button, Group, SegmentedControl, Select } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useMembers } from '../members/api';
import {
  hasTaskFilters,
  sortChange,
  statusChange,
  TASK_DUE_WINDOWS,
  TASK_STATUSES,
  taskSort,
  taskSorts,
  type TaskFilters,
} from './task-filters';

const ANYONE = 'anyone';
const ANY_TIME = 'any';

export function TaskFiltersBar({ filters, onChange }: { filters: TaskFilters; onChange: (change: Partial<TaskFilters>) => void }) {
  const members = useMembers();
  return (
    <Group mb="sm" gap="xs" align="flex-end">
      <Select
        label="Assignee"
        data={[
          {
            group: 'Who',
            items: [
              { value: ANYONE, label: 'Anyone' },
              { value: 'me', label: 'Me' },
              { value: 'unassigned', label: 'Unassigned' },
            ],
          },
          { group: 'Members', items: (members.data ?? []).map((m) => ({ value: m.id, label: m.name })) },
        ]}
        value={filters.assignee ?? ANYONE}
        onChange={(value) => onChange({ assignee: value === ANYONE || !value ? undefined : value })}
        searchable
        allowDeselect={false}
        nothingFoundMessage="No such member"
        w={{ base: '100%', sm: 200 }}
      />
      <Select
        label="Due"
        data={[{ value: ANY_TIME, label: 'Any time' }, ...TASK_DUE_WINDOWS]}
        value={filters.due ?? ANY_TIME}
        onChange={(value) => onChange({ due: value === ANY_TIME || !value ? undefined : value })}
        allowDeselect={false}
        w={{ base: '100%', sm: 170 }}
      />
      <SegmentedControl
        aria-label="Status"
        data={[...TASK_STATUSES]}
        value={filters.status ?? 'open'}
        onChange={(status) => onChange(statusChange(filters, status))}
      />
      <Select
        label="Sort"
        data={[...taskSorts(filters.status)]}
        value={taskSort(filters)}
        onChange={(sort) => sort && onChange(sortChange(filters, sort))}
        allowDeselect={false}
        w={{ base: '100%', sm: 210 }}
      />
      {hasTaskFilters(filters) && (
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconFilterOff size={16} />}
          onClick={() => onChange({ assignee: undefined, due: undefined, ...statusChange(filters, 'open') })}
        >
          Clear
        </Button>
      )}
    </Group>
  );
}
