/** The foot of a form: Cancel, then the button that submits it. */
import { Button, Group, type GroupProps } from '@mantine/core';

export function FormFooter({
  submitLabel,
  pending,
  canSubmit = true,
  cancelLabel = 'Cancel',
  onCancel,
  ...group
}: {
  submitLabel: string;
  pending: boolean;
  /** False while what is typed could not be saved, e.g. a required field is empty. */
  canSubmit?: boolean;
  cancelLabel?: string;
  onCancel: () => void;
} & Pick<GroupProps, 'justify' | 'mt'>) {
  return (
    <Group justify="flex-end" {...group}>
      <Button variant="default" onClick={onCancel}>
        {cancelLabel}
      </Button>
      <Button type="submit" loading={pending} disabled={!canSubmit}>
        {submitLabel}
      </Button>
    </Group>
  );
}
