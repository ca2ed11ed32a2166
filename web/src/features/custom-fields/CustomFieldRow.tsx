import { ActionIcon, Badge, Code, Group, Table, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useDeleteCustomField } from './api';
import { CustomFieldDialog } from './CustomFieldDialog';
import { FIELD_TYPE_LABELS, type CustomField } from './types';

export function CustomFieldRow({ field, editable }: { field: CustomField; editable: boolean }) {
  const [editing, edit] = useDisclosure(false);
  const [deleting, confirm] = useDisclosure(false);
  const remove = useDeleteCustomField();
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
          {field.label}
        </Text>
      </Table.Td>
      <Table.Td visibleFrom="sm">
        <Code style={{ overflowWrap: 'anywhere' }}>{field.key}</Code>
      </Table.Td>
      <Table.Td>{FIELD_TYPE_LABELS[field.type] ?? field.type}</Table.Td>
      <Table.Td visibleFrom="md">
        <Group gap={4}>
          {field.options.map((option) => (
            <Badge key={option} variant="light" color="gray" tt="none">
              {option}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>{field.required ? 'Yes' : 'No'}</Table.Td>
      <Table.Td w={90}>
        {editable && (
          <Group gap={4} wrap="nowrap">
            <Tooltip label={`Edit ${field.label}`}>
              <ActionIcon variant="subtle" color="gray" aria-label={`Edit field ${field.label}`} onClick={edit.open}>
                <IconPencil size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={`Delete ${field.label}`}>
              <ActionIcon variant="subtle" color="red" aria-label={`Delete field ${field.label}`} onClick={confirm.open}>
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
        <CustomFieldDialog
          key={editing ? 'open' : 'closed'}
          entity={field.entity}
          field={field}
          nextPosition={field.position}
          opened={editing}
          onClose={edit.close}
        />
        <ConfirmDialog
          opened={deleting}
          title={`Delete field ${field.label}?`}
          confirmLabel="Delete field"
          pending={remove.isPending}
          error={remove.error}
          onClose={confirm.close}
          onConfirm={() => remove.mutate(field.id, { onSuccess: confirm.close })}
        >
          The field disappears from every record. Values already stored are no longer shown.
        </ConfirmDialog>
      </Table.Td>
    </Table.Tr>
  );
}
