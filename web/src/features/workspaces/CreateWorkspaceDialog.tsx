/** Creates a workspace the signed-in person owns, then moves them into it. */
import { useState } from 'react';
import { Stack, Text } from '@mantine/core';
import { useSwitchWorkspace } from '../auth/session';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { FormFooter } from '../../ui/FormFooter';
import { fieldErrors, type FieldLabels } from '../../ui/form-problems';
import { NameInput } from '../../ui/NameInput';
import { useCreateWorkspace } from './api';

const LABELS = { name: 'Workspace name' } satisfies FieldLabels;

export function CreateWorkspaceDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateWorkspace();
  const switchWorkspace = useSwitchWorkspace();
  const [name, setName] = useState('');
  // One key per workspace meant: a second try after a failed switch finds the workspace made, not a second one.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const error = create.error ?? switchWorkspace.error;
  const errors = fieldErrors(create.error, LABELS);
  const working = create.isPending || switchWorkspace.isPending || switchWorkspace.isSuccess;
  const dismiss = () => {
    create.reset();
    switchWorkspace.reset();
    setName('');
    setIdempotencyKey(crypto.randomUUID());
    onClose();
  };
  return (
    <Dialog opened={opened} onClose={dismiss} title="Create workspace">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ name: name.trim(), idempotencyKey }, { onSuccess: (workspace) => switchWorkspace.mutate(workspace.id) });
        }}
      >
        <Stack>
          <Text size="sm">
            A workspace of your own, with its own contacts, inbox and members. You will be its owner, and move there now.
          </Text>
          <FormError error={error} labels={LABELS} title="Could not create the workspace" />
          <NameInput label={LABELS.name} value={name} onChange={setName} maxLength={200} error={errors.name} />
          <FormFooter submitLabel="Create workspace" pending={working} canSubmit={name.trim() !== ''} onCancel={dismiss} />
        </Stack>
      </form>
    </Dialog>
  );
}
