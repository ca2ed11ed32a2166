/** An identity that may be a known contact: link it, or say it is someone else. */
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconLink } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ExternalLink } from '../../ui/ExternalLink';
import { FormError } from '../../ui/FormError';
import { NO_FIELDS } from '../../ui/form-problems';
import { usePermissions } from '../auth/permissions';
import { NetworkLabel } from '../listening/NetworkLabel';
import { useDismissDuplicate, useLinkDuplicate } from './api';
import { DismissPairButton } from './DismissPairButton';
import { identityName } from './identity-name';
import { PairEvidence } from './PairEvidence';
import type { ReviewOutcome } from './review-outcome';
import { linesOf, SideBySide } from './SideBySide';
import type { DuplicateCandidate } from './types';

export function IdentityPairReview({ candidate, onDone }: { candidate: DuplicateCandidate; onDone: (outcome: ReviewOutcome) => void }) {
  const { identity, right: contact } = candidate;
  const link = useLinkDuplicate();
  const dismiss = useDismissDuplicate();
  const { canWrite } = usePermissions();
  if (!identity) return null;
  const name = identityName(identity);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="compare-heading">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4" id="compare-heading">
            Compare identity and contact
          </Title>
          <Text size="sm" c="dimmed">
            Linking puts {name}’s conversations and mentions on{' '}
            <Anchor component={Link} to={`/contacts/${contact.id}`} inherit>
              {contact.displayName}
            </Anchor>
            ’s timeline.
          </Text>
        </div>
        <SideBySide
          label="Identity and contact"
          leftTitle={`${name} (identity)`}
          rightTitle={`${contact.displayName} (contact)`}
          rows={[
            { label: 'Name', left: identity.displayName, right: contact.displayName },
            { label: 'Network', left: <NetworkLabel network={identity.network} />, right: null },
            { label: 'Handle', left: identity.handle, right: linesOf(contact.handles) },
            { label: 'E-mail', left: identity.email, right: linesOf(contact.emails) },
            { label: 'Phone', left: null, right: linesOf(contact.phones) },
            { label: 'Profile', left: identity.profileUrl && <ExternalLink href={identity.profileUrl} />, right: null },
            { label: 'Company', left: null, right: contact.companyName },
          ]}
        />
        <PairEvidence candidate={candidate} />
        <FormError error={link.error ?? dismiss.error} labels={NO_FIELDS} />
        {canWrite && (
          <Group justify="flex-end" gap="xs">
            <DismissPairButton
              dismiss={dismiss}
              candidateId={candidate.id}
              label="Not the same person"
              message={`${name} is marked as not being ${contact.displayName}.`}
              onDone={onDone}
            />
            <Button
              leftSection={<IconLink size={16} />}
              loading={link.isPending}
              onClick={() =>
                link.mutate(candidate.id, {
                  onSuccess: () =>
                    onDone({
                      message: `${name} is now linked to ${contact.displayName}.`,
                      contact: { id: contact.id, name: contact.displayName },
                    }),
                })
              }
            >
              Link
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
