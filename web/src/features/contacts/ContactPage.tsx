/**
 * One contact as the customer 360: details, value and health, linked identities and merges on the
 * side; the relationship memory, the composer and the cross-channel timeline in the middle.
 */
import { Anchor, Grid, Group, Loader, Stack } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { Composer } from '../activities/Composer';
import { usePermissions } from '../auth/permissions';
import { IdentityPanel } from '../identity/IdentityPanel';
import { MergeHistory } from '../identity/MergeHistory';
import { PossibleDuplicates } from '../identity/PossibleDuplicates';
import { CustomerTimeline } from '../relationship/CustomerTimeline';
import { HealthBadge } from '../relationship/HealthBadge';
import { MemoryPanel } from '../relationship/MemoryPanel';
import { ScoreCard } from '../relationship/ScoreCard';
import { TierBadge } from '../relationship/TierBadge';
import { useContact } from './api';
import { ContactDetails } from './ContactDetails';
import { DeleteContactButton } from './DeleteContactButton';
import { EditContactButton } from './EditContactButton';

export function ContactPage() {
  const { id = '' } = useParams();
  const contact = useContact(id);
  const { canWrite } = usePermissions();
  if (contact.isPending) return <Loader aria-label="Loading contact" />;
  if (contact.isError) return <QueryError title="This contact does not exist or you cannot see it" error={contact.error} />;
  const c = contact.data;
  return (
    <>
      <PageHeader
        back={{ to: '/contacts', label: 'Contacts' }}
        title={c.displayName}
        description={
          <Group component="span" gap={6}>
            {c.title}
            {c.title && c.companyId && ' at '}
            {c.companyId && (
              <Anchor component={Link} to={`/companies/${c.companyId}`} inherit>
                {c.companyName}
              </Anchor>
            )}
            <TierBadge tier={c.tier} />
            <HealthBadge health={c.health} reasons={c.healthReasons} />
          </Group>
        }
        actions={
          canWrite && (
            <>
              <EditContactButton contact={c} />
              <DeleteContactButton contact={c} />
            </>
          )
        }
      />
      <PossibleDuplicates contactId={c.id} />
      {/* The cards come from several features and show names and typed text, which can be one long
          unbroken word: it wraps anywhere rather than widen the page. */}
      <Grid gap="lg" style={{ overflowWrap: 'anywhere' }}>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <ContactDetails contact={c} />
            <ScoreCard contactId={c.id} />
            <IdentityPanel contactId={c.id} contactName={c.displayName} />
            <MergeHistory contactId={c.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            <MemoryPanel contactId={c.id} />
            {canWrite && <Composer subject={{ contactId: c.id }} />}
            <CustomerTimeline subject={{ contactId: c.id }} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
