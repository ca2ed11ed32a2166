/** Names the current filters as a saved view, private or shared with the workspace. */
import { useState } from 'react';
import { Button, Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { FormError } from '../../ui/FormError';
import { fieldErrors, type FieldLabels } from '../../ui/form-problems';
import { Dialog } from '../../ui/Dialog';

/** The filters saved with the view come from the list, not this dialog: their problems are told as such. */
const LABELS = { name: 'Name', shared: 'Share with everyone in the workspace' } satisfies FieldLabels;

export function SaveViewDialog({
  opened,
  pending,
  error,
  onSave,
  onClose,
}: {
  opened: boolean;
  pending: boolean;
  error: unknown;
  onSave: (name: string, shared: boolean) => void;
  onClose: () => void;
}) {
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const errors = fieldErrors(error, LABELS);
  return (
    <Dialog opened={opened} onClose={onClose} title="Save view">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSave(name.trim(), shared);
        }}
      >
        <Stack>
          <FormError error={error} labels={LABELS} />
          <TextInput
            label={LABELS.name}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            error={errors.name}
            data-autofocus
          />
          <Checkbox label={LABELS.shared} checked={shared} onChange={(e) => setShared(e.currentTarget.checked)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={pending} disabled={!name.trim()}>
              Save view
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
