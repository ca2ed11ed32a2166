/**
 * A form saved as a whole: what failed on the last save above its fields, Cancel and the submit
 * button below them.
 */
import type { ReactNode } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { FormError } from './FormError';
import type { FieldLabels } from './form-problems';

export function SaveForm({
  labels,
  error,
  pending,
  submitLabel,
  onSubmit,
  onCancel,
  children,
}: {
  /** The inputs' labels by API path, as `fieldErrors` takes them. */
  labels: FieldLabels;
  error: unknown;
  pending: boolean;
  submitLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <Stack>
        <FormError error={error} labels={labels} />
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
