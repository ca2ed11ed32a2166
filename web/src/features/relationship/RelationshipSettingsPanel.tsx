/** Settings › Relationship: how value scores, tiers and health are computed in this workspace. */
import { Alert, Loader } from '@mantine/core';
import { QueryError } from '../../ui/QueryError';
import { usePermissions } from '../auth/permissions';
import { useRelationshipSettings } from './api';
import { RelationshipSettingsForm } from './RelationshipSettingsForm';

export function RelationshipSettingsPanel() {
  const settings = useRelationshipSettings();
  const { isAdmin } = usePermissions();
  if (settings.isPending) return <Loader size="sm" aria-label="Loading relationship settings" />;
  if (settings.isError) return <QueryError title="Could not load the relationship settings" error={settings.error} />;
  return (
    <>
      {!isAdmin && (
        <Alert color="gray" mb="md">
          Only owners and admins can change these settings.
        </Alert>
      )}
      <RelationshipSettingsForm key={settings.data.updatedAt ?? 'defaults'} settings={settings.data} editable={isAdmin} />
    </>
  );
}
