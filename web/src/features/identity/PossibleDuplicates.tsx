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
import { identityName } from './identity-name';
import type { DuplicateCandidate } from './types';

function otherSide(pair: DuplicateCandidate, contactId: string): string {
  if (pair.identity) return `${identityName(pair.identity)} on ${networkName(pair.identity.network)}`;
  return (pair.left?.id === contactId ? pair.right.displayName : pair.left?.displayName) ?? 'another contact';
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
                aria-label={`Review ${otherSide(pair, contactId)}`}
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
