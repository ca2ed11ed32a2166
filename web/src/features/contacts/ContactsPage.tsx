/** The contacts list: saved views, filters, import and export, and the table itself. */
import { Group } from '@mantine/core';
import { RECORD_SORTS } from '../../lib/types';
import { PageHeader } from '../../ui/PageHeader';
import { SortSelect } from '../../ui/SortSelect';
import { usePermissions } from '../auth/permissions';
import { ExportMenu } from '../exports/ExportMenu';
import { ReviewDuplicatesButton } from '../identity/ReviewDuplicatesButton';
import { ImportButton } from '../imports/ImportWizard';
import { SavedViews } from '../segments/SavedViews';
import { contactListParams } from './api';
import { ContactFiltersBar } from './ContactFiltersBar';
import { ContactsTable } from './ContactsTable';
import { NewContactButton } from './NewContactButton';
import { DEFAULT_SORT, useContactListState } from './use-contact-filters';

export function ContactsPage() {
  const { filters, viewId, setFilters, showView } = useContactListState();
  const { canWrite } = usePermissions();
  return (
    <>
      <PageHeader
        title="Contacts"
        actions={
          <>
            <ReviewDuplicatesButton />
            {canWrite && <ImportButton />}
            <ExportMenu path="/exports/contacts" params={contactListParams(filters)} fileStem="contacts" />
            {canWrite && <NewContactButton />}
          </>
        }
      />
      <Group justify="space-between" mb="sm" gap="xs">
        <SavedViews
          entity="contact"
          allLabel="All contacts"
          viewId={viewId}
          filters={filters}
          sort={filters.sort}
          defaultSort={DEFAULT_SORT}
          onShow={(id, viewFilters, sort) => showView(id, { ...viewFilters, ...(sort ? { sort } : {}) })}
        />
        <SortSelect
          options={RECORD_SORTS}
          value={filters.sort ?? DEFAULT_SORT}
          onChange={(sort) => setFilters({ sort })}
          searching={Boolean(filters.q)}
        />
      </Group>
      <ContactFiltersBar filters={filters} onChange={setFilters} />
      <ContactsTable filters={filters} />
    </>
  );
}
