/** One contact: details on the side, the composer and timeline in the middle. */
import { Anchor, Grid, Loader, Stack } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { Composer } from '../activities/Composer';
import { Timeline } from '../activities/Timeline';
import { usePermissions } from '../auth/permissions';
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
          <>
            {c.title}
            {c.title && c.companyId && ' at '}
            {c.companyId && (
              <Anchor component={Link} to={`/companies/${c.companyId}`} inherit>
                {c.companyName}
              </Anchor>
            )}
          </>
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
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <ContactDetails contact={c} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            {canWrite && <Composer subject={{ contactId: c.id }} />}
            <Timeline subject={{ contactId: c.id }} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
