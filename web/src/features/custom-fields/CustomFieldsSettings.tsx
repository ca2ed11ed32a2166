/** Settings › Custom fields: the extra fields contacts and companies have in this workspace. */
import { useState } from 'react';
import { Button, SegmentedControl, Table } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { SettingsList } from '../../ui/SettingsList';
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
      <SettingsList
        intro={
          <SegmentedControl
            aria-label="Fields of"
            value={entity}
            onChange={(v) => setEntity(v as FieldEntity)}
            data={[
              { value: 'contact', label: 'Contacts' },
              { value: 'company', label: 'Companies' },
            ]}
          />
        }
        addButton={
          isAdmin && (
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              New field
            </Button>
          )
        }
        list={fields}
        label="Custom fields"
        loadingLabel="Loading fields"
        failedTitle="Could not load custom fields"
        empty={`No custom fields for ${entity === 'contact' ? 'contacts' : 'companies'} yet.`}
        headers={
          <>
            <Table.Th>Label</Table.Th>
            <Table.Th visibleFrom="sm">Key</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th visibleFrom="md">Options</Table.Th>
            <Table.Th>Required</Table.Th>
          </>
        }
      >
        {(rows) => rows.map((field) => <CustomFieldRow key={field.id} field={field} editable={isAdmin} />)}
      </SettingsList>
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
