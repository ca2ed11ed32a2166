import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useRevokeApiToken } from './api';
import type { ApiToken } from './types';

export function RevokeTokenButton({ token }: { token: ApiToken }) {
  const [opened, { open, close }] = useDisclosure(false);
  const revoke = useRevokeApiToken();
  return (
    <>
      <Button variant="subtle" color="red" size="xs" onClick={open} aria-label={`Revoke token ${token.name}`}>
        Revoke
      </Button>
      <ConfirmDialog
        opened={opened}
        title={`Revoke token ${token.name}?`}
        confirmLabel="Revoke token"
        pending={revoke.isPending}
        error={revoke.error}
        onClose={close}
        onConfirm={() => revoke.mutate(token.id, { onSuccess: close })}
      >
        Anything still using this token will be refused from now on.
      </ConfirmDialog>
    </>
  );
}
