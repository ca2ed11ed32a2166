/** The inputs for all of a record's custom fields, in the workspace's order. */
import { Fieldset, SimpleGrid } from '@mantine/core';
import type { FieldErrors, FieldLabels } from '../../ui/form-problems';
import { useCustomFields } from './api';
import { CustomFieldInput } from './CustomFieldInput';
import type { CustomField, CustomValue, FieldEntity } from './types';

export function CustomFieldsEditor({
  entity,
  values,
  onChange,
  errors,
}: {
  entity: FieldEntity;
  values: Record<string, unknown>;
  onChange: (values: Record<string, unknown>) => void;
  errors: FieldErrors;
}) {
  const fields = useCustomFields(entity);
  if (!fields.data?.length) return null;
  return (
    <Fieldset legend="Custom fields" variant="unstyled">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {fields.data.map((field) => (
          <CustomFieldInput
            key={field.id}
            field={field}
            value={values[field.key] as CustomValue | undefined}
            onChange={(value) => onChange({ ...values, [field.key]: value })}
            error={errors[`custom.${field.key}`]}
          />
        ))}
      </SimpleGrid>
    </Fieldset>
  );
}

/** The inputs of the custom fields by API path, for a form's labels. */
export function customFieldLabels(fields: CustomField[]): FieldLabels {
  return Object.fromEntries(fields.map((field) => [`custom.${field.key}`, field.label]));
}

/** The custom values to send: every defined field, an empty one as null so the server clears it. */
export function customValuesToSend(values: Record<string, unknown>, keys: string[]): Record<string, CustomValue> {
  const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
  return Object.fromEntries(keys.map((key) => [key, isEmpty(values[key]) ? null : (values[key] as CustomValue)]));
}
