/** "New company": a dialog with the company form; opens the new company's page once created. */
import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { FormDialog } from '../../ui/FormDialog';
import { useCreateCompany } from './api';
import { CompanyForm } from './CompanyForm';

export function NewCompanyButton() {
  const [opened, { open, close }] = useDisclosure(false);
  const create = useCreateCompany();
  const navigate = useNavigate();
  return (
    <>
      <Button leftSection={<IconPlus size={16} />} onClick={open}>
        New company
      </Button>
      <FormDialog
        opened={opened}
        onClose={close}
        title="New company"
        size="lg"
        save={create}
        onSaved={(company) => void navigate(`/companies/${company.id}`)}
      >
        {(form) => <CompanyForm submitLabel="Create company" {...form} />}
      </FormDialog>
    </>
  );
}
