/** The query builder page: a new query, or the saved one named in the URL. */
import { Center, Loader } from '@mantine/core';
import { useParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { usePermissions } from '../auth/permissions';
import { useSavedQuery } from './api';
import { QueryForm } from './QueryForm';

const BACK = { to: '/listening/queries', label: 'Saved queries' };

export function QueryBuilderPage() {
  const { id } = useParams();
  const saved = useSavedQuery(id);
  const { canWrite } = usePermissions();
  if (!id) {
    return (
      <>
        <PageHeader title="New query" back={BACK} description="Describe what to listen for; the preview shows what it finds." />
        <QueryForm canWrite={canWrite} />
      </>
    );
  }
  if (saved.isError) return <QueryError title="Could not load the query" error={saved.error} onRetry={() => void saved.refetch()} />;
  if (!saved.data) {
    return (
      <Center p="xl">
        <Loader aria-label="Loading the query" />
      </Center>
    );
  }
  return (
    <>
      <PageHeader title={`Edit ${saved.data.name}`} back={BACK} description="Changing the text matches the stored history again." />
      <QueryForm key={saved.data.id} saved={saved.data} canWrite={canWrite} />
    </>
  );
}
