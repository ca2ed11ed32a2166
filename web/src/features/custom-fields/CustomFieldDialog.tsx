/** Defines a custom field, or changes one's label, options and whether it is required. */
import { useState } from 'react';
import { Button, Checkbox, Group, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { FormError } from '../../ui/FormError';
import { fieldErrors, type FieldLabels } from '../../ui/form-problems';
import { useChangeCustomField, useCreateCustomField } from './api';
import { fieldKeyOf, hasOptions } from './field-key';
import { FIELD_TYPE_LABELS, FIELD_TYPES, type CustomField, type FieldEntity, type FieldType } from './types';
import { Dialog } from '../../ui/Dialog';

const LABELS = { label: 'Label', key: 'Key', type: 'Type', options: 'Options', required: 'Required' } satisfies FieldLabels;

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
  const { options: optionsLabel, ...alwaysShown } = LABELS;
  const labels = hasOptions(type) ? LABELS : alwaysShown;
  const errors: Partial<Record<keyof typeof LABELS, string>> = fieldErrors(save.error, labels);
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
          <FormError error={save.error} labels={labels} />
          <TextInput
            label={LABELS.label}
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
              label={LABELS.key}
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
              label={LABELS.type}
              description={field ? 'Fixed once created' : ' '}
              data={FIELD_TYPES.map((t) => ({ value: t, label: FIELD_TYPE_LABELS[t] }))}
              value={type}
              onChange={(v) => setType((v ?? 'text') as FieldType)}
              allowDeselect={false}
              disabled={Boolean(field)}
              error={errors.type}
            />
          </SimpleGrid>
          {hasOptions(type) && (
            <TagsInput
              label={optionsLabel}
              description="Press Enter after each option"
              value={options}
              onChange={setOptions}
              required
              error={errors.options}
            />
          )}
          <Checkbox
            label={LABELS.required}
            description="Records cannot be saved without a value"
            checked={required}
            onChange={(e) => setRequired(e.currentTarget.checked)}
            error={errors.required}
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
