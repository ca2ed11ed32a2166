/** Undoes a merge, after asking: the merged contact comes back with exactly what moved. */
import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowBackUp } from '@tabler/icons-react';
import { formatDateTime } from '../../lib/format';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useUnmerge } from './api';
import type { ContactMerge, UnmergeResult } from './types';

export function UnmergeButton({
  merge,
  onUnmerged,
}: {
  merge: Pick<ContactMerge, 'id' | 'mergedName' | 'mergedAt'>;
  onUnmerged: (result: UnmergeResult) => void;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  const unmerge = useUnmerge();
  return (
    <>
      <Button
        variant="subtle"
        size="compact-xs"
        leftSection={<IconArrowBackUp size={14} />}
        onClick={open}
        // The same name can be merged in more than once; the time tells the buttons apart.
        aria-label={`Unmerge ${merge.mergedName}, merged ${formatDateTime(merge.mergedAt)}`}
      >
        Unmerge
      </Button>
      <ConfirmDialog
        opened={opened}
        title={`Unmerge ${merge.mergedName}?`}
        confirmLabel="Unmerge"
        pending={unmerge.isPending}
        error={unmerge.error}
        onClose={close}
        onConfirm={() =>
          unmerge.mutate(merge.id, {
            onSuccess: (result) => {
              close();
              onUnmerged(result);
            },
          })
        }
      >
        {merge.mergedName} comes back as it was, and the activities, conversations and identities the merge moved go back to it. Fields
        changed by the merge return to their earlier values unless someone edited them since. Activities added after the merge stay here.
      </ConfirmDialog>
    </>
  );
}
