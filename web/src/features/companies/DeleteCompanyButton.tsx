import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useDeleteCompany } from './api';
import type { Company } from './types';

export function DeleteCompanyButton({ company }: { company: Company }) {
  const [opened, { open, close }] = useDisclosure(false);
  const remove = useDeleteCompany();
  const navigate = useNavigate();
  return (
    <>
      <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={open}>
        Delete
      </Button>
      <ConfirmDialog
        opened={opened}
        title={`Delete ${company.name}?`}
        confirmLabel="Delete company"
        pending={remove.isPending}
        error={remove.error}
        onClose={close}
        onConfirm={() =>
          remove.mutate(company.id, {
            onSuccess: () => {
              close();
              notifications.show({ message: `${company.name} was deleted` });
              void navigate('/companies');
            },
          })
        }
      >
        The company will be deleted; its people stay, without a company. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}
