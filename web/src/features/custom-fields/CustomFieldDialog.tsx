/** Defines a custom field, or changes one's label, options and whether it is required. */
import { useState } from 'react';
import { Button, Checkbox, Group, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { fieldErrors } from '../../lib/api';
import { FormError } from '../../ui/FormError';
import { useChangeCustomField, useCreateCustomField } from './api';
import { fieldKeyOf, hasOptions } from './field-key';
import { FIELD_TYPE_LABELS, FIELD_TYPES, type CustomField, type FieldEntity, type FieldType } from './types';
import { Dialog } from '../../ui/Dialog';

export function CustomFieldDialog({
  entity,
  field,
  nextPosition,
  opened,
  onClose,
}: {
  entity: FieldEntity;
  field?: CustomField;
  nextPosition: number;
  opened: boolean;
  onClose: () => void;
}) {
  const create = useCreateCustomField();
  const change = useChangeCustomField(field?.id ?? '');
  const save = field ? change : create;
  const [label, setLabel] = useState(field?.label ?? '');
  const [key, setKey] = useState(field?.key ?? '');
  const [keyTouched, setKeyTouched] = useState(Boolean(field));
  const [type, setType] = useState<FieldType>(field?.type ?? 'text');
  const [options, setOptions] = useState<string[]>(field?.options ?? []);
  const [required, setRequired] = useState(field?.required ?? false);
  const errors = fieldErrors(save.error);
  const dismiss = () => {
    save.reset();
    onClose();
  };
  const entityName = entity === 'contact' ? 'contacts' : 'companies';
  return (
    <Dialog opened={opened} onClose={dismiss} title={field ? `Edit field ${field.label}` : `New field for ${entityName}`}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const shared = { label: label.trim(), required, ...(hasOptions(type) ? { options } : {}) };
          if (field) change.mutate(shared, { onSuccess: dismiss });
          else create.mutate({ ...shared, entity, key, type, position: nextPosition }, { onSuccess: dismiss });
        }}
      >
        <Stack>
          <FormError error={save.error} />
          <TextInput
            label="Label"
            value={label}
            onChange={(e) => {
              setLabel(e.currentTarget.value);
              if (!keyTouched) setKey(fieldKeyOf(e.currentTarget.value));
            }}
            required
            error={errors.label}
            data-autofocus
          />
          <SimpleGrid cols={2}>
            <TextInput
              label="Key"
              description={field ? 'Fixed once created' : 'Used by the API and imports'}
              value={key}
              onChange={(e) => {
                setKey(e.currentTarget.value);
                setKeyTouched(true);
              }}
              disabled={Boolean(field)}
              required
              error={errors.key}
              ff="monospace"
            />
            <Select
              label="Type"
              description={field ? 'Fixed once created' : ' '}
              data={FIELD_TYPES.map((t) => ({ value: t, label: FIELD_TYPE_LABELS[t] }))}
              value={type}
              onChange={(v) => setType((v ?? 'text') as FieldType)}
              allowDeselect={false}
              disabled={Boolean(field)}
            />
          </SimpleGrid>
          {hasOptions(type) && (
            <TagsInput
              label="Options"
              description="Press Enter after each option"
              value={options}
              onChange={setOptions}
              required
              error={errors.options}
            />
          )}
          <Checkbox
            label="Required"
            description="Records cannot be saved without a value"
            checked={required}
            onChange={(e) => setRequired(e.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={dismiss}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!label.trim() || !key || (hasOptions(type) && options.length === 0)}>
              {field ? 'Save field' : 'Create field'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
