/** A new task: what to do, when it is due and who does it. */
import { useState } from 'react';
import { Button, Group, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { fromLocalInput, todayAt } from '../../lib/local-time';
import { FormError } from '../../ui/FormError';
import { fieldErrors, type FieldLabels } from '../../ui/form-problems';
import { usePermissions } from '../auth/permissions';
import { MemberSelect } from '../members/MemberSelect';
import { useCreateTask } from './api';
import type { TaskInput } from './types';

const LABELS = { title: 'Task', dueAt: 'Due', assigneeId: 'Assignee', notes: 'Notes' } satisfies FieldLabels;

export function TaskForm({ link, onCreated }: { link: Pick<TaskInput, 'contactId' | 'companyId'>; onCreated?: () => void }) {
  const { userId } = usePermissions();
  const create = useCreateTask();
  const [title, setTitle] = useState('');
  const [due, setDue] = useState(() => todayAt(17));
  const [assigneeId, setAssigneeId] = useState<string | null>(userId || null);
  const [notes, setNotes] = useState('');
  const errors = fieldErrors(create.error, LABELS);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(
          { ...link, title: title.trim(), notes: notes.trim() || undefined, dueAt: fromLocalInput(due), assigneeId },
          {
            onSuccess: () => {
              setTitle('');
              setNotes('');
              create.reset();
              onCreated?.();
            },
          },
        );
      }}
    >
      <Stack gap="sm">
        <TextInput
          label={LABELS.title}
          placeholder="e.g. Send the proposal"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
          error={errors.title}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={LABELS.dueAt}
            type="datetime-local"
            value={due}
            onChange={(e) => setDue(e.currentTarget.value)}
            error={errors.dueAt}
          />
          <MemberSelect
            label={LABELS.assigneeId}
            value={assigneeId}
            onChange={setAssigneeId}
            clearable
            placeholder="Nobody yet"
            error={errors.assigneeId}
          />
        </SimpleGrid>
        <Textarea
          label={LABELS.notes}
          autosize
          minRows={2}
          maxRows={6}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          error={errors.notes}
        />
        <FormError error={create.error} labels={LABELS} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending} disabled={!title.trim()}>
            Add task
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
