/** Edits a list of small records (e-mails, phones, dates): one row each, add and remove. */
import type { ReactNode } from 'react';
import { ActionIcon, Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';

export function ListEditor<T>({
  legend,
  itemName,
  items,
  onChange,
  blank,
  renderItem,
}: {
  legend: string;
  /** What one row is called, for the add and remove buttons ("e-mail", "phone"). */
  itemName: string;
  items: T[];
  onChange: (items: T[]) => void;
  blank: () => T;
  renderItem: (item: T, update: (changed: Partial<T>) => void, index: number) => ReactNode;
}) {
  return (
    <Fieldset legend={legend} variant="unstyled">
      <Stack gap="xs">
        {items.length === 0 && (
          <Text size="sm" c="dimmed">
            None yet.
          </Text>
        )}
        {items.map((item, index) => (
          <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
            <Group gap="xs" grow style={{ flex: 1 }} align="flex-end">
              {renderItem(item, (changed) => onChange(items.map((it, i) => (i === index ? { ...it, ...changed } : it))), index)}
            </Group>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              aria-label={`Remove ${itemName} ${index + 1}`}
              onClick={() => onChange(items.filter((_, i) => i !== index))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <div>
          <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={() => onChange([...items, blank()])}>
            Add {itemName}
          </Button>
        </div>
      </Stack>
    </Fieldset>
  );
}
