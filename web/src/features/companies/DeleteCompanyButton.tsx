/** "Delete" on a company's page, after asking; the companies list opens once it is done. */
import { DeleteButton } from '../../ui/DeleteButton';
import { useDeleteCompany } from './api';
import type { Company } from './types';

export function DeleteCompanyButton({ company }: { company: Company }) {
  const remove = useDeleteCompany();
  return (
    <DeleteButton id={company.id} name={company.name} remove={remove} confirmLabel="Delete company" listPath="/companies">
      The company will be deleted; its people stay, without a company. This cannot be undone.
    </DeleteButton>
  );
}
