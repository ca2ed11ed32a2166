/** Everything known about a company, for the side of its page. */
import { Card, Divider, Stack, Text, Title } from '@mantine/core';
import { formatDateTime, formatNumber } from '../../lib/format';
import { DetailList, DetailRow } from '../../ui/DetailRow';
import { ExternalLink } from '../../ui/ExternalLink';
import { TagList } from '../../ui/TagList';
import { CustomFieldsList } from '../custom-fields/CustomFieldsList';
import { useMemberNames } from '../members/use-member-names';
import type { Company } from './types';

export function CompanyDetails({ company: c }: { company: Company }) {
  const memberName = useMemberNames();
  return (
    <Card withBorder component="section" aria-labelledby="company-details-heading">
      <Stack gap="md">
        <Title order={2} size="h4" id="company-details-heading">
          Details
        </Title>
        {c.tags.length > 0 && <TagList tags={c.tags} />}
        <DetailList>
          {c.domains.length > 0 && (
            <DetailRow label="Domains">
              <Stack gap={0}>
                {c.domains.map((domain) => (
                  <ExternalLink key={domain} href={`https://${domain}`}>
                    {domain}
                  </ExternalLink>
                ))}
              </Stack>
            </DetailRow>
          )}
          <DetailRow label="Industry">{c.industry || '—'}</DetailRow>
          <DetailRow label="Size">{c.size ? `${c.size} people` : '—'}</DetailRow>
          <DetailRow label="Contacts">{formatNumber(c.contactCount)}</DetailRow>
          <DetailRow label="Owner">{memberName(c.ownerId) ?? 'Nobody'}</DetailRow>
        </DetailList>
        <CustomFieldsList entity="company" values={c.custom} />
        <Divider />
        <Text size="xs" c="dimmed">
          Created {formatDateTime(c.createdAt)} · Updated {formatDateTime(c.updatedAt)}
        </Text>
      </Stack>
    </Card>
  );
}
