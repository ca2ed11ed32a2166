/** The duplicate review queue: pairs by status, strongest first, and the selected pair side by side. */
import { useState } from 'react';
import { Alert, Anchor, Grid, Tabs } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { usePermissions } from '../auth/permissions';
import { DuplicateCompare } from './DuplicateCompare';
import { STATUS_LABELS } from './duplicate-labels';
import { DuplicateList } from './DuplicateList';
import { FindDuplicatesButton } from './FindDuplicatesButton';
import type { ReviewOutcome } from './review-outcome';
import { DUPLICATE_STATUSES, type DuplicateStatus } from './types';
import { useDuplicateParams } from './use-duplicate-params';

export function DuplicatesPage() {
  const params = useDuplicateParams();
  const { isAdmin } = usePermissions();
  const [outcome, setOutcome] = useState<ReviewOutcome | null>(null);
  return (
    <>
      <PageHeader
        back={{ to: '/contacts', label: 'Contacts' }}
        title="Duplicates"
        description="Pairs that may be one person: merge two contacts, link an identity, or mark them as different people."
        actions={isAdmin && <FindDuplicatesButton />}
      />
      {outcome && (
        <Alert
          color="green"
          icon={<IconCheck size={18} />}
          mb="md"
          withCloseButton
          closeButtonLabel="Dismiss message"
          onClose={() => setOutcome(null)}
          role="status"
        >
          {outcome.message}{' '}
          {outcome.contact && (
            <Anchor component={Link} to={`/contacts/${outcome.contact.id}`} inherit>
              Open {outcome.contact.name}
            </Anchor>
          )}
        </Alert>
      )}
      <Tabs value={params.status} onChange={(value) => value && params.setStatus(value as DuplicateStatus)}>
        <Tabs.List mb="md">
          {DUPLICATE_STATUSES.map((status) => (
            <Tabs.Tab key={status} value={status}>
              {STATUS_LABELS[status]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <DuplicateList
            status={params.status}
            kind={params.kind}
            selectedId={params.pairId}
            onKindChange={params.setKind}
            onSelect={(id) => {
              setOutcome(null);
              params.selectPair(id);
            }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <DuplicateCompare
            pairId={params.pairId}
            onDone={(done) => {
              setOutcome(done);
              params.selectPair(null);
            }}
          />
        </Grid.Col>
      </Grid>
    </>
  );
}
