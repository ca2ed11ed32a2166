import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { useUpdateCompany } from './api';
import { CompanyForm } from './CompanyForm';
import type { Company } from './types';
import { Dialog } from '../../ui/Dialog';

export function EditCompanyButton({ company }: { company: Company }) {
  const [opened, { open, close }] = useDisclosure(false);
  const update = useUpdateCompany(company.id);
  const dismiss = () => {
    close();
    update.reset();
  };
  return (
    <>
      <Button variant="default" leftSection={<IconPencil size={16} />} onClick={open}>
        Edit
      </Button>
      <Dialog opened={opened} onClose={dismiss} title="Edit company" size="lg">
        {opened && (
          <CompanyForm
            initial={company}
            submitLabel="Save"
            pending={update.isPending}
            error={update.error}
            onCancel={dismiss}
            onSubmit={(input) =>
              update.mutate(input, {
                onSuccess: () => {
                  dismiss();
                  notifications.show({ message: 'Company saved' });
                },
              })
            }
          />
        )}
      </Dialog>
    </>
  );
}
