/**
 * A dialog holding a form that one mutation saves. Closing it, by Cancel, Escape, its close button
 * or a save, forgets the mutation's state, so the form opens next time without the last failure.
 */
import type { ReactNode } from 'react';
import type { ModalRootProps } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { Dialog } from './Dialog';

/** What a form in a `FormDialog` takes from it: the save's progress and failure, and what submitting and cancelling do. */
export interface DialogFormProps<Input> {
  pending: boolean;
  error: unknown;
  onSubmit: (input: Input) => void;
  onCancel: () => void;
}

export function FormDialog<Input, Result>({
  opened,
  onClose,
  title,
  size,
  save,
  onSaved,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  size?: ModalRootProps['size'];
  save: UseMutationResult<Result, Error, Input>;
  /** After a save, once the dialog has closed. */
  onSaved?: (result: Result) => void;
  children: (form: DialogFormProps<Input>) => ReactNode;
}) {
  const dismiss = () => {
    onClose();
    save.reset();
  };
  return (
    <Dialog opened={opened} onClose={dismiss} title={title} size={size}>
      {children({
        pending: save.isPending,
        error: save.error,
        onCancel: dismiss,
        onSubmit: (input) =>
          save.mutate(input, {
            onSuccess: (result) => {
              dismiss();
              onSaved?.(result);
            },
          }),
      })}
    </Dialog>
  );
}
