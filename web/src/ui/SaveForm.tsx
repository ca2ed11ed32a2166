/**
 * A form saved as a whole: what failed on the last save above its fields, Cancel and the submit
 * button below them.
 */
import type { ReactNode } from 'react';
import { Stack } from '@mantine/core';
import { FormError } from './FormError';
import { FormFooter } from './FormFooter';
import type { FieldLabels } from './form-problems';

export function SaveForm({
  labels,
  error,
  pending,
  submitLabel,
  canSubmit = true,
  cancelLabel,
  onSubmit,
  onCancel,
  children,
}: {
  /** The inputs' labels by API path, as `fieldErrors` takes them. */
  labels: FieldLabels;
  error: unknown;
  pending: boolean;
  submitLabel: string;
  /** False while what is typed could not be saved, e.g. a required field is empty. */
  canSubmit?: boolean;
  /** "Back" where Cancel returns to an earlier step rather than closing. */
  cancelLabel?: string;
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
        <FormFooter submitLabel={submitLabel} pending={pending} canSubmit={canSubmit} cancelLabel={cancelLabel} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
