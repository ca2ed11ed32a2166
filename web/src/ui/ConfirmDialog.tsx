/** Asks before something that cannot be undone, and says in words why it failed when it did. */
import type { ReactNode } from 'react';
import { Button, Group, List, Stack, Text } from '@mantine/core';
import { actionFailure } from './form-problems';
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
  const failure = actionFailure(error);
  return (
    <Dialog opened={opened} onClose={onClose} title={title} centered>
      <Stack>
        <Text size="sm">{children}</Text>
        {failure && (
          <div role="alert">
            <Text size="sm" c={TEXT_COLORS.danger}>
              {failure.message}
            </Text>
            {failure.reasons.length > 0 && (
              <List size="sm" c={TEXT_COLORS.danger} mt={4}>
                {failure.reasons.map((reason) => (
                  <List.Item key={reason}>{reason}</List.Item>
                ))}
              </List>
            )}
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
