/** "Edit" on the page of what it changes: its form in a dialog, filled in; a notification once it is saved. */
import type { ReactNode } from 'react';
import { Button, type ModalRootProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import type { UseMutationResult } from '@tanstack/react-query';
import { FormDialog, type DialogFormProps } from './FormDialog';

export function EditButton<Input, Result>({
  dialogTitle,
  size,
  save,
  savedMessage,
  children,
}: {
  dialogTitle: string;
  size: ModalRootProps['size'];
  save: UseMutationResult<Result, Error, Input>;
  savedMessage: string;
  /** The form, filled in with what is edited. */
  children: (form: DialogFormProps<Input>) => ReactNode;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="default" leftSection={<IconPencil size={16} />} onClick={open}>
        Edit
      </Button>
      <FormDialog
        opened={opened}
        onClose={close}
        title={dialogTitle}
        size={size}
        save={save}
        onSaved={() => notifications.show({ message: savedMessage })}
      >
        {/* Gone as soon as the dialog closes, not after it fades out: reopened meanwhile, it starts
            again from the saved values, not from the draft of an edit that was cancelled. */}
        {(form) => opened && children(form)}
      </FormDialog>
    </>
  );
}
