/** A task: what to do, when it is due and who does it; new, or changed (the same form, filled in). */
import { useState } from 'react';
import { Button, Group, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { fromLocalInput, todayAt, toLocalInput } from '../../lib/local-time';
import { FormError } from '../../ui/FormError';
import { fieldErrors, type FieldLabels } from '../../ui/form-problems';
import { usePermissions } from '../auth/permissions';
import { MemberSelect } from '../members/MemberSelect';
import { useCreateTask, useUpdateTask } from './api';
import type { Task, TaskInput, TaskPatch } from './types';

const LABELS = { title: 'Task', dueAt: 'Due', assigneeId: 'Assignee', notes: 'Notes' } satisfies FieldLabels;

export function TaskForm({ link, onCreated }: { link: Pick<TaskInput, 'contactId' | 'companyId'>; onCreated?: () => void }) {
  const { userId } = usePermissions();
  const create = useCreateTask();
  return (
    <TaskFields
      initial={{ title: '', notes: '', dueAt: todayAt(17), assigneeId: userId || null }}
      submitLabel="Add task"
      pending={create.isPending}
      error={create.error}
      onSubmit={(fields, clear) =>
        create.mutate(
          { ...link, ...fields, notes: fields.notes || undefined },
          {
            onSuccess: () => {
              clear();
              create.reset();
              onCreated?.();
            },
          },
        )
      }
    />
  );
}

export function EditTaskForm({ task, onSaved }: { task: Task; onSaved: () => void }) {
  const update = useUpdateTask(task.id);
  return (
    <TaskFields
      initial={{ title: task.title, notes: task.notes, dueAt: toLocalInput(task.dueAt), assigneeId: task.assigneeId }}
      submitLabel="Save changes"
      pending={update.isPending}
      error={update.error}
      onSubmit={(fields) => update.mutate(fields, { onSuccess: onSaved })}
    />
  );
}

/** What the inputs hold: the due time as the datetime-local input has it. */
interface TaskDraft {
  title: string;
  notes: string;
  dueAt: string;
  assigneeId: string | null;
}

function TaskFields({
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
}: {
  initial: TaskDraft;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  /** `clear` empties what to do and the notes, for the next task. */
  onSubmit: (fields: Required<Pick<TaskPatch, 'title' | 'notes' | 'dueAt' | 'assigneeId'>>, clear: () => void) => void;
}) {
  const [title, setTitle] = useState(initial.title);
  const [due, setDue] = useState(initial.dueAt);
  const [assigneeId, setAssigneeId] = useState(initial.assigneeId);
  const [notes, setNotes] = useState(initial.notes);
  const errors = fieldErrors(error, LABELS);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit({ title: title.trim(), notes: notes.trim(), dueAt: fromLocalInput(due), assigneeId }, () => {
          setTitle('');
          setNotes('');
        });
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
          data-autofocus
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
        <FormError error={error} labels={LABELS} />
        <Group justify="flex-end">
          <Button type="submit" loading={pending} disabled={!title.trim()}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
