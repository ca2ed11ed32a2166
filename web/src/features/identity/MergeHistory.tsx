/** The contacts merged into this one, what each merge moved, and the way to undo it. */
import { useState } from 'react';
import { Alert, Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime, formatNumber, formatRelative } from '../../lib/format';
import { QueryError } from '../../ui/QueryError';
import { usePermissions } from '../auth/permissions';
import { useMemberNames } from '../members/use-member-names';
import { useContactMerges } from './api';
import { useNotRestoredNotice } from './not-restored';
import type { ContactMerge, UnmergeResult } from './types';
import { UnmergeButton } from './UnmergeButton';

const plural = (count: number, one: string, many: string) => `${formatNumber(count)} ${count === 1 ? one : many}`;

function movedSummary(moved: ContactMerge['moved']): string {
  return [
    plural(moved.activities, 'activity', 'activities'),
    plural(moved.conversations, 'conversation', 'conversations'),
    plural(moved.identities, 'identity', 'identities'),
  ].join(' · ');
}

function UnmergeOutcome({ result, onClose }: { result: UnmergeResult; onClose: () => void }) {
  const notRestored = useNotRestoredNotice()(result);
  return (
    <Alert color="green" role="status" withCloseButton closeButtonLabel="Dismiss message" onClose={onClose} title="Unmerged">
      <Anchor component={Link} to={`/contacts/${result.mergedId}`} inherit>
        {result.mergedName}
      </Anchor>{' '}
      is back with its own history.
      {notRestored && (
        <Text size="sm" mt={4}>
          {notRestored}
        </Text>
      )}
    </Alert>
  );
}

export function MergeHistory({ contactId }: { contactId: string }) {
  const merges = useContactMerges(contactId);
  const memberName = useMemberNames();
  const { canWrite } = usePermissions();
  const [result, setResult] = useState<UnmergeResult | null>(null);
  const items = merges.data?.data ?? [];
  if (merges.isPending || (merges.isSuccess && items.length === 0 && !result)) return null;
  const who = (id: string | null) => (id ? (memberName(id) ?? 'a former member') : 'automation');
  return (
    <Card withBorder component="section" aria-labelledby="merge-history-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="merge-history-heading">
          Merge history
        </Title>
        {merges.isError && <QueryError title="Could not load the merge history" error={merges.error} />}
        {result && <UnmergeOutcome result={result} onClose={() => setResult(null)} />}
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Merges">
          {items.map((merge) => (
            <Stack component="li" key={merge.id} gap={4}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" fw={600} lineClamp={2}>
                  {merge.mergedName} merged in
                </Text>
                {merge.unmergedAt ? (
                  <Badge size="sm" variant="light" color="gray">
                    Unmerged
                  </Badge>
                ) : (
                  canWrite && <UnmergeButton merge={merge} onUnmerged={setResult} />
                )}
              </Group>
              <Text size="xs" c="dimmed">
                By {who(merge.mergedBy)},{' '}
                <time dateTime={merge.mergedAt} title={formatDateTime(merge.mergedAt)}>
                  {formatRelative(merge.mergedAt)}
                </time>
              </Text>
              <Text size="xs">Moved: {movedSummary(merge.moved)}</Text>
              {merge.unmergedAt && (
                <Text size="xs" c="dimmed">
                  Unmerged by {who(merge.unmergedBy)}, {formatRelative(merge.unmergedAt)}
                </Text>
              )}
            </Stack>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
