/** "Edit" on a company's page: the company form in a dialog, filled in. */
import { EditButton } from '../../ui/EditButton';
import { useUpdateCompany } from './api';
import { CompanyForm } from './CompanyForm';
import type { Company } from './types';

export function EditCompanyButton({ company }: { company: Company }) {
  const update = useUpdateCompany(company.id);
  return (
    <EditButton dialogTitle="Edit company" size="lg" save={update} savedMessage="Company saved">
      {(form) => <CompanyForm initial={company} submitLabel="Save" {...form} />}
    </EditButton>
  );
}
