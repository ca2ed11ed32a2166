/** One linked identity: who it is on its network, how it was linked, and the evidence on demand. */
import { Avatar, Badge, Button, Collapse, Group, Stack, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { formatDateTime, formatNumber, formatRelative } from '../../lib/format';
import { httpUrl } from '../../lib/safe-url';
import { ExternalLink } from '../../ui/ExternalLink';
import { NetworkLabel } from '../listening/NetworkLabel';
import { useMemberNames } from '../members/use-member-names';
import { describeLink } from './evidence';
import { EvidenceTable } from './EvidenceTable';
import { identityDescription, identityName } from './identity-name';
import type { LinkedIdentity, LinkMethod } from './types';
import { UnlinkIdentityButton } from './UnlinkIdentityButton';

const METHOD_COLORS: Record<LinkMethod, string> = { rule: 'blue', score: 'violet', manual: 'gray' };

export function IdentityRow({ identity, contactId, canWrite }: { identity: LinkedIdentity; contactId: string; canWrite: boolean }) {
  const [evidenceShown, { toggle }] = useDisclosure(false);
  const memberName = useMemberNames();
  const name = identityName(identity);
  // Controls on a row are named after the identity in full: a contact can have two of one name.
  const described = identityDescription(identity);
  const { link } = identity;
  const evidenceId = `identity-evidence-${identity.id}`;
  return (
    <Stack component="li" gap={6} aria-label={described}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Avatar
          src={httpUrl(identity.avatarUrl)}
          name={name}
          color="initials"
          size={36}
          alt=""
          imageProps={{ referrerPolicy: 'no-referrer' }}
        />
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6} wrap="nowrap" justify="space-between">
            <Text size="sm" fw={600} truncate>
              {name}
            </Text>
            {canWrite && <UnlinkIdentityButton contactId={contactId} identityId={identity.id} name={described} />}
          </Group>
          <Group gap={6}>
            <NetworkLabel network={identity.network} />
            {identity.handle && identity.handle !== name && (
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {identity.handle}
              </Text>
            )}
          </Group>
          {identity.email && identity.email !== name && identity.email !== identity.handle && (
            <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
              {identity.email}
            </Text>
          )}
          <Group gap={8}>
            {identity.profileUrl && (
              <ExternalLink href={identity.profileUrl} size="xs" label={`Profile of ${described}`}>
                Profile
              </ExternalLink>
            )}
            {identity.followers !== null && (
              <Text size="xs" c="dimmed">
                {formatNumber(identity.followers)} followers
              </Text>
            )}
          </Group>
        </Stack>
      </Group>
      {link && (
        <Group gap={6} wrap="wrap">
          <Tooltip label={`${link.decidedBy ? `By ${memberName(link.decidedBy) ?? 'a member'}, ` : ''}${formatDateTime(link.linkedAt)}`}>
            <Badge size="sm" variant="light" color={METHOD_COLORS[link.method]} tt="none">
              {describeLink(link)}
            </Badge>
          </Tooltip>
          <Text size="xs" c="dimmed">
            {formatRelative(link.linkedAt)}
          </Text>
          {link.evidence.length > 0 && (
            <Button
              variant="subtle"
              size="compact-xs"
              onClick={toggle}
              aria-label={`Evidence for ${described}`}
              aria-expanded={evidenceShown}
              aria-controls={evidenceId}
              leftSection={evidenceShown ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
            >
              Evidence
            </Button>
          )}
        </Group>
      )}
      {link && link.evidence.length > 0 && (
        <Collapse expanded={evidenceShown} id={evidenceId}>
          <EvidenceTable evidence={link.evidence} label={`Why ${described} was linked`} />
        </Collapse>
      )}
    </Stack>
  );
}
