/** Names the current filters as a saved view, private or shared with the workspace; or renames a view. */
import { useState } from 'react';
import { Button, Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { FormError } from '../../ui/FormError';
import { fieldErrors, type FieldLabels } from '../../ui/form-problems';
import { Dialog } from '../../ui/Dialog';

/** The filters saved with the view come from the list, not this dialog: their problems are told as such. */
const LABELS = { name: 'Name', shared: 'Share with everyone in the workspace' } satisfies FieldLabels;

export function SaveViewDialog({
  opened,
  renaming,
  pending,
  error,
  onSave,
  onClose,
}: {
  opened: boolean;
  /** The view to rename: only its name changes, who it is shared with stays. */
  renaming?: { name: string };
  pending: boolean;
  error: unknown;
  onSave: (name: string, shared: boolean) => void;
  onClose: () => void;
}) {
  const [name, setName] = useState(renaming?.name ?? '');
  const [shared, setShared] = useState(false);
  const errors = fieldErrors(error, LABELS);
  return (
    <Dialog opened={opened} onClose={onClose} title={renaming ? 'Rename view' : 'Save view'}>
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
          {!renaming && <Checkbox label={LABELS.shared} checked={shared} onChange={(e) => setShared(e.currentTarget.checked)} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={pending} disabled={!name.trim()}>
              {renaming ? 'Rename view' : 'Save view'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
