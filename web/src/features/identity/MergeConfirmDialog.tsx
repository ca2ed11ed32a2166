/** Asks before a merge, naming the contact that stays and the one that goes. */
import { ConfirmDialog } from '../../ui/ConfirmDialog';

export function MergeConfirmDialog({
  opened,
  survivorName,
  mergedName,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  survivorName: string;
  mergedName: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <ConfirmDialog
      opened={opened}
      title={`Merge ${mergedName} into ${survivorName}?`}
      confirmLabel="Merge contacts"
      pending={pending}
      error={error}
      onClose={onClose}
      onConfirm={onConfirm}
    >
      {survivorName} stays, with the values you picked and every e-mail, phone, handle, tag and date of both. {mergedName}’s activities,
      conversations and identities move to {survivorName}, and {mergedName} is removed from the list. You can undo this from {survivorName}
      ’s merge history.
    </ConfirmDialog>
  );
}
