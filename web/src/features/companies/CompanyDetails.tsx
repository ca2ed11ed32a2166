/** Everything known about a company, for the side of its page. */
import { Stack } from '@mantine/core';
import { formatNumber } from '../../lib/format';
import { DetailsCard } from '../../ui/DetailsCard';
import { DetailList, DetailRow } from '../../ui/DetailRow';
import { ExternalLink } from '../../ui/ExternalLink';
import { TagList } from '../../ui/TagList';
import { CustomFieldsList } from '../custom-fields/CustomFieldsList';
import { useMemberNames } from '../members/use-member-names';
import type { Company } from './types';

export function CompanyDetails({ company: c }: { company: Company }) {
  const memberName = useMemberNames();
  return (
    <DetailsCard createdAt={c.createdAt} updatedAt={c.updatedAt}>
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
    </DetailsCard>
  );
}
