/** Everything known about a contact, for the side of its page. */
import type { ReactNode } from 'react';
import { Anchor, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { DetailList, DetailRow } from '../../ui/DetailRow';
import { DetailsCard } from '../../ui/DetailsCard';
import { ExternalLink } from '../../ui/ExternalLink';
import { TagList } from '../../ui/TagList';
import { CustomFieldsList } from '../custom-fields/CustomFieldsList';
import { useMemberNames } from '../members/use-member-names';
import { useTeams } from '../teams/api';
import { addressLines } from './AddressEditor';
import { StageBadge } from './StageBadge';
import type { Contact } from './types';
import { formatImportantDate, IMPORTANT_DATE_LABELS } from './important-date';
import { profileNetworkName } from './profile-networks';

/** A value with its label ("work", "Mastodon") after it in small print. */
function Labelled({ value, label }: { value: ReactNode; label?: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      {value}
      {label && (
        <Text span size="xs" c="dimmed">
          {label}
        </Text>
      )}
    </Group>
  );
}

export function ContactDetails({ contact: c }: { contact: Contact }) {
  const memberName = useMemberNames();
  const teams = useTeams();
  const team = teams.data?.find((t) => t.id === c.teamId);
  return (
    <DetailsCard createdAt={c.createdAt} updatedAt={c.updatedAt}>
      <Group gap={6}>
        <StageBadge stage={c.lifecycleStage} />
        <TagList tags={c.tags} />
      </Group>
      <DetailList>
        {c.companyId && (
          <DetailRow label="Company">
            <Anchor component={Link} to={`/companies/${c.companyId}`} size="sm">
              {c.companyName}
            </Anchor>
          </DetailRow>
        )}
        {c.emails.length > 0 && (
          <DetailRow label="E-mail">
            {c.emails.map((e) => (
              <Labelled
                key={e.address}
                value={
                  <Anchor href={`mailto:${e.address}`} size="sm">
                    {e.address}
                  </Anchor>
                }
                label={e.label}
              />
            ))}
          </DetailRow>
        )}
        {c.phones.length > 0 && (
          <DetailRow label="Phone">
            {c.phones.map((p) => (
              <Labelled
                key={p.number}
                value={
                  <Anchor href={`tel:${p.number.replace(/[^+0-9]/g, '')}`} size="sm">
                    {p.number}
                  </Anchor>
                }
                label={p.label}
              />
            ))}
          </DetailRow>
        )}
        {c.socialHandles.length > 0 && (
          <DetailRow label="Social profiles">
            {c.socialHandles.map((h) => (
              <Labelled
                key={h.network + h.handle}
                value={<ExternalLink href={h.url}>{h.handle}</ExternalLink>}
                label={profileNetworkName(h.network)}
              />
            ))}
          </DetailRow>
        )}
        {c.importantDates.length > 0 && (
          <DetailRow label="Important dates">
            {c.importantDates.map((d) => (
              <Labelled
                key={d.kind + d.date + (d.label ?? '')}
                value={<Text size="sm">{formatImportantDate(d.date)}</Text>}
                label={d.label || IMPORTANT_DATE_LABELS[d.kind]}
              />
            ))}
          </DetailRow>
        )}
        {addressLines(c.address).length > 0 && (
          <DetailRow label="Address">
            <Text component="address" size="sm" fs="normal">
              {addressLines(c.address).map((line, i) => (
                <span key={i}>
                  {i > 0 && <br />}
                  {line}
                </span>
              ))}
            </Text>
          </DetailRow>
        )}
        <DetailRow label="Owner">{memberName(c.ownerId) ?? 'Nobody'}</DetailRow>
        {team && <DetailRow label="Team">{team.name}</DetailRow>}
      </DetailList>
      <CustomFieldsList entity="contact" values={c.custom} />
    </DetailsCard>
  );
}
