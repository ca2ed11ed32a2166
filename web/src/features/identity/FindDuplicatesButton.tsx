/** Runs the full matching pass now: refits the model, refills the queue, matches waiting identities. */
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSearch } from '@tabler/icons-react';
import { formatNumber } from '../../lib/format';
import { notifyFailure } from '../../ui/notify-failure';
import { useFindDuplicates } from './api';

export function FindDuplicatesButton() {
  const find = useFindDuplicates();
  return (
    <Button
      variant="default"
      leftSection={<IconSearch size={16} />}
      loading={find.isPending}
      onClick={() =>
        find.mutate(undefined, {
          onSuccess: (summary) =>
            notifications.show({
              title: 'Duplicates found',
              message: `${formatNumber(summary.linkPairs + summary.reviewPairs)} pairs among ${formatNumber(summary.contacts)} contacts; ${formatNumber(summary.identitiesLinked)} identities linked.`,
            }),
          onError: (error) => notifyFailure('Could not look for duplicates', error),
        })
      }
    >
      Find duplicates
    </Button>
  );
}
