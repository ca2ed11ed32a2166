/** Unlinks an identity from its contact, after asking; matching on arrival will not relink it. */
import { ActionIcon, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconUnlink } from '@tabler/icons-react';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useUnlinkIdentity } from './api';

export function UnlinkIdentityButton({ contactId, identityId, name }: { contactId: string; identityId: string; name: string }) {
  const [opened, { open, close }] = useDisclosure(false);
  const unlink = useUnlinkIdentity(contactId);
  return (
    <>
      <Tooltip label="Unlink">
        <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Unlink ${name}`} onClick={open}>
          <IconUnlink size={16} />
        </ActionIcon>
      </Tooltip>
      <ConfirmDialog
        opened={opened}
        title={`Unlink ${name}?`}
        confirmLabel="Unlink identity"
        pending={unlink.isPending}
        error={unlink.error}
        onClose={close}
        onConfirm={() =>
          unlink.mutate(identityId, {
            onSuccess: () => {
              close();
              notifications.show({ message: `${name} was unlinked` });
            },
          })
        }
      >
        Its conversations and mentions leave this contact’s timeline, and automatic matching will not link it again. You can link it by hand
        later.
      </ConfirmDialog>
    </>
  );
}
