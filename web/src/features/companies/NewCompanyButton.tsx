import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useCreateCompany } from './api';
import { CompanyForm } from './CompanyForm';
import { Dialog } from '../../ui/Dialog';

export function NewCompanyButton() {
  const [opened, { open, close }] = useDisclosure(false);
  const create = useCreateCompany();
  const navigate = useNavigate();
  const dismiss = () => {
    close();
    create.reset();
  };
  return (
    <>
      <Button leftSection={<IconPlus size={16} />} onClick={open}>
        New company
      </Button>
      <Dialog opened={opened} onClose={dismiss} title="New company" size="lg">
        <CompanyForm
          submitLabel="Create company"
          pending={create.isPending}
          error={create.error}
          onCancel={dismiss}
          onSubmit={(input) =>
            create.mutate(input, {
              onSuccess: (company) => {
                dismiss();
                void navigate(`/companies/${company.id}`);
              },
            })
          }
        />
      </Dialog>
    </>
  );
}
