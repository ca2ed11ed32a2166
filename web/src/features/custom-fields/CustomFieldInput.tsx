/** The input for one custom field, chosen by the field's type. */
import { Checkbox, MultiSelect, NumberInput, Select, TextInput } from '@mantine/core';
import { isHttpUrl } from '../../lib/safe-url';
import { fieldChoices } from './field-options';
import type { CustomField, CustomValue } from './types';
import { reachableClearButton } from '../../ui/clear-button';

export function CustomFieldInput({
  field,
  value,
  onChange,
  error,
}: {
  field: CustomField;
  value: CustomValue | undefined;
  onChange: (value: CustomValue) => void;
  error?: string;
}) {
  const common = { label: field.label, required: field.required, error };
  switch (field.type) {
    case 'number':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : v === '' ? null : Number(v))}
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value || null)}
        />
      );
    case 'select':
      return (
        <Select
          {...common}
          data={fieldChoices(field.options, value)}
          value={typeof value === 'string' ? value : null}
          onChange={onChange}
          clearable={!field.required}
          allowDeselect={false}
          clearButtonProps={reachableClearButton(`Clear ${field.label}`)}
        />
      );
    case 'multi_select':
      return (
        <MultiSelect
          {...common}
          data={fieldChoices(field.options, value)}
          value={Array.isArray(value) ? value : []}
          onChange={onChange}
          clearable
          clearButtonProps={{ 'aria-label': `Clear ${field.label}` }}
        />
      );
    case 'boolean':
      return (
        <Checkbox label={field.label} error={error} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} mt="lg" />
      );
    case 'url':
      return (
        <TextInput
          {...common}
          error={error ?? (typeof value === 'string' && value && !isHttpUrl(value) ? 'Use an address starting with https://' : undefined)}
          type="url"
          placeholder="https://"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value || null)}
        />
      );
    default:
      return (
        <TextInput {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value || null)} />
      );
  }
}
