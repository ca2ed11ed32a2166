/**
 * On a contact's page: the open pairs it is in — another contact that may be the same person, or
 * an author on some channel who may be them — each a link to its review, so duplicates are seen
 * where people work, not only in the queue.
 */
import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { Link } from 'react-router';
import { networkName } from '../listening/NetworkLabel';
import { useContactDuplicates } from './api';
import { formatProbability } from './evidence';
import { contactDescription, identityDescription, identityName } from './identity-name';
import type { DuplicateCandidate } from './types';

const otherContact = (pair: DuplicateCandidate, contactId: string) => (pair.left?.id === contactId ? pair.right : pair.left);

function otherSide(pair: DuplicateCandidate, contactId: string): string {
  if (pair.identity) return `${identityName(pair.identity)} on ${networkName(pair.identity.network)}`;
  return otherContact(pair, contactId)?.displayName ?? 'another contact';
}

/** The other side in full, for the name of its "Review" link: two of them may have one name. */
function otherSideDescribed(pair: DuplicateCandidate, contactId: string): string {
  if (pair.identity) return identityDescription(pair.identity);
  const other = otherContact(pair, contactId);
  return other ? contactDescription(other) : 'another contact';
}

export function PossibleDuplicates({ contactId }: { contactId: string }) {
  const pairs = useContactDuplicates(contactId).data?.data ?? [];
  if (pairs.length === 0) return null;
  return (
    <section aria-label="Possible duplicates" style={{ marginBottom: 'var(--mantine-spacing-lg)' }}>
      <Alert color="yellow" variant="light" icon={<IconCopy size={18} />} title="May be the same person as">
        <Stack gap={4}>
          {pairs.map((pair) => (
            <Group key={pair.id} gap={8} wrap="nowrap">
              <Text size="sm">
                {otherSide(pair, contactId)} ({formatProbability(pair.probability)})
              </Text>
              <Anchor
                component={Link}
                to={`/contacts/duplicates?pair=${pair.id}`}
                size="sm"
                aria-label={`Review ${otherSideDescribed(pair, contactId)}`}
              >
                Review
              </Anchor>
            </Group>
          ))}
        </Stack>
      </Alert>
    </section>
  );
}
