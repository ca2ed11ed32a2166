/** One company: details and people on the side, the composer and timeline in the middle. */
import { Grid, Loader, Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { Composer } from '../activities/Composer';
import { usePermissions } from '../auth/permissions';
import { CustomerTimeline } from '../relationship/CustomerTimeline';
import { useCompany } from './api';
import { CompanyContacts } from './CompanyContacts';
import { CompanyDetails } from './CompanyDetails';
import { DeleteCompanyButton } from './DeleteCompanyButton';
import { EditCompanyButton } from './EditCompanyButton';

export function CompanyPage() {
  const { id = '' } = useParams();
  const company = useCompany(id);
  const { canWrite } = usePermissions();
  if (company.isPending) return <Loader aria-label="Loading company" />;
  if (company.isError) return <QueryError title="This company does not exist or you cannot see it" error={company.error} />;
  const c = company.data;
  return (
    <>
      <PageHeader
        back={{ to: '/companies', label: 'Companies' }}
        title={c.name}
        description={[c.industry, c.domains[0]].filter(Boolean).join(' · ')}
        actions={
          canWrite && (
            <>
              <EditCompanyButton company={c} />
              <DeleteCompanyButton company={c} />
            </>
          )
        }
      />
      {/* The cards come from several features and show names and typed text, which can be one long
          unbroken word: it wraps anywhere rather than widen the page. */}
      <Grid gap="lg" style={{ overflowWrap: 'anywhere' }}>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <CompanyDetails company={c} />
            <CompanyContacts company={c} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            {canWrite && <Composer subject={{ companyId: c.id }} />}
            <CustomerTimeline subject={{ companyId: c.id }} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
