/** Settings › Custom fields: the extra fields contacts and companies have in this workspace. */
import { useState } from 'react';
import { Button, Group, Loader, Paper, SegmentedControl, Table, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { QueryError } from '../../ui/QueryError';
import { usePermissions } from '../auth/permissions';
import { useCustomFields } from './api';
import { CustomFieldDialog } from './CustomFieldDialog';
import { CustomFieldRow } from './CustomFieldRow';
import type { FieldEntity } from './types';

export function CustomFieldsSettings() {
  const [entity, setEntity] = useState<FieldEntity>('contact');
  const fields = useCustomFields(entity);
  const { isAdmin } = usePermissions();
  const [creating, { open, close }] = useDisclosure(false);
  const nextPosition = Math.max(-1, ...(fields.data ?? []).map((f) => f.position)) + 1;
  return (
    <>
      <Group justify="space-between" mb="sm">
        <SegmentedControl
          aria-label="Fields of"
          value={entity}
          onChange={(v) => setEntity(v as FieldEntity)}
          data={[
            { value: 'contact', label: 'Contacts' },
            { value: 'company', label: 'Companies' },
          ]}
        />
        {isAdmin && (
          <Button leftSection={<IconPlus size={16} />} onClick={open}>
            New field
          </Button>
        )}
      </Group>
      {fields.isPending && <Loader size="sm" aria-label="Loading fields" />}
      {fields.isError && <QueryError title="Could not load custom fields" error={fields.error} />}
      {fields.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          No custom fields for {entity === 'contact' ? 'contacts' : 'companies'} yet.
        </Text>
      )}
      {fields.data && fields.data.length > 0 && (
        <Paper withBorder>
          <Table verticalSpacing="sm" aria-label="Custom fields">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Label</Table.Th>
                <Table.Th visibleFrom="sm">Key</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th visibleFrom="md">Options</Table.Th>
                <Table.Th>Required</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.data.map((field) => (
                <CustomFieldRow key={field.id} field={field} editable={isAdmin} />
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <CustomFieldDialog
        key={creating ? `open-${entity}` : 'closed'}
        entity={entity}
        nextPosition={nextPosition}
        opened={creating}
        onClose={close}
      />
    </>
  );
}
