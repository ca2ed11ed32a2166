/** Asks before something that cannot be undone, and says in words why it failed when it did. */
import type { ReactNode } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { FailureMessage } from './FailureMessage';
import { TEXT_COLORS } from './text-colors';
import { Dialog } from './Dialog';

export function ConfirmDialog({
  opened,
  title,
  children,
  confirmLabel,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pending?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog opened={opened} onClose={onClose} title={title} centered>
      <Stack>
        <Text size="sm">{children}</Text>
        {error != null && (
          <div role="alert">
            <FailureMessage error={error} color={TEXT_COLORS.danger} />
          </div>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button color="red" onClick={onConfirm} loading={pending}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
