/** The companies list: saved views, filters, import and export, and the table. */
import { Group } from '@mantine/core';
import { RECORD_SORTS } from '../../lib/types';
import { PageHeader } from '../../ui/PageHeader';
import { SortSelect } from '../../ui/SortSelect';
import { usePermissions } from '../auth/permissions';
import { ExportMenu } from '../exports/ExportMenu';
import { ImportButton } from '../imports/ImportWizard';
import { SavedViews } from '../segments/SavedViews';
import { CompaniesTable } from './CompaniesTable';
import { CompanyFiltersBar } from './CompanyFiltersBar';
import { NewCompanyButton } from './NewCompanyButton';
import { DEFAULT_COMPANY_SORT, useCompanyListState } from './use-company-filters';

export function CompaniesPage() {
  const { filters, viewId, setFilters, showView } = useCompanyListState();
  const { canWrite } = usePermissions();
  return (
    <>
      <PageHeader
        title="Companies"
        actions={
          <>
            {canWrite && <ImportButton target="companies" />}
            <ExportMenu
              path="/exports/companies"
              params={{ ...filters, sort: filters.q ? undefined : filters.sort }}
              fileStem="companies"
            />
            {canWrite && <NewCompanyButton />}
          </>
        }
      />
      <Group justify="space-between" mb="sm" gap="xs">
        <SavedViews
          entity="company"
          allLabel="All companies"
          viewId={viewId}
          filters={filters}
          sort={filters.sort}
          defaultSort={DEFAULT_COMPANY_SORT}
          onShow={(id, viewFilters, sort) => showView(id, { ...viewFilters, ...(sort ? { sort } : {}) })}
        />
        <SortSelect
          options={RECORD_SORTS}
          value={filters.sort ?? DEFAULT_COMPANY_SORT}
          onChange={(sort) => setFilters({ sort })}
          searching={Boolean(filters.q)}
        />
      </Group>
      <CompanyFiltersBar filters={filters} onChange={setFilters} />
      <CompaniesTable filters={filters} />
    </>
  );
}
