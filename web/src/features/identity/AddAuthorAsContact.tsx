/** In the inbox's customer panel: make a contact of an author no contact is yet, linked to them. */
import { Button } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { FormError } from '../../ui/FormError';
import { NO_FIELDS } from '../../ui/form-problems';
import { usePermissions } from '../auth/permissions';
import { useAddIdentityAsContact } from './api';

export function AddAuthorAsContact({ identityId }: { identityId: string }) {
  const add = useAddIdentityAsContact();
  const { canWrite } = usePermissions();
  if (!canWrite) return null;
  return (
    <>
      <Button
        size="compact-sm"
        variant="default"
        leftSection={<IconUserPlus size={14} />}
        loading={add.isPending}
        onClick={() => add.mutate(identityId)}
        style={{ alignSelf: 'flex-start' }}
      >
        Add as contact
      </Button>
      <FormError error={add.error} labels={NO_FIELDS} />
    </>
  );
}
