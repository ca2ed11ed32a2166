/** Settings › SLA: the workspace's response and resolution targets and its business hours. */
import { Alert, Loader } from '@mantine/core';
import { QueryError } from '../../ui/QueryError';
import { usePermissions } from '../auth/permissions';
import { useRelationshipSettings } from '../relationship/api';
import { useSlaPolicy } from './api';
import { SlaPolicyForm } from './SlaPolicyForm';

export function SlaSettingsPanel() {
  const policy = useSlaPolicy();
  const relationship = useRelationshipSettings();
  const { isAdmin } = usePermissions();
  if (policy.isPending) return <Loader size="sm" aria-label="Loading the SLA policy" />;
  if (policy.isError)
    return <QueryError title="Could not load the SLA policy" error={policy.error} onRetry={() => void policy.refetch()} />;
  return (
    <>
      {!isAdmin && (
        <Alert color="gray" mb="md">
          Only owners and admins can change the SLA policy.
        </Alert>
      )}
      <SlaPolicyForm policy={policy.data} tiers={relationship.data?.tiers.map((tier) => tier.name) ?? []} editable={isAdmin} />
    </>
  );
}
