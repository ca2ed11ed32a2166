/** The inputs of a channel kind's settings form, with the server's problems beside each one. */
import { Checkbox, NumberInput, PasswordInput, Select, Stack, Switch, TagsInput, TextInput } from '@mantine/core';
import type { FieldErrors } from '../../ui/form-problems';
import { isStored, type ChannelField, type FormValues } from './channel-forms';
import type { StoredCredentials } from './types';

/** What a secret field says of the value stored for it, if any: secrets are never shown again. */
function secretDescription(field: ChannelField, stored: StoredCredentials | null): string | undefined {
  if (stored && !stored.readable) return 'The stored one can no longer be read (the server secret changed): enter it again.';
  if (isStored(field, stored)) return 'Stored. Type a new one to replace it, or leave empty to keep it.';
  return field.description;
}

export function ChannelFields({
  fields,
  values,
  onChange,
  errors,
  stored,
}: {
  fields: ChannelField[];
  values: FormValues;
  onChange: (path: string, value: FormValues[string]) => void;
  errors: FieldErrors;
  /** Editing a saved channel: which secrets it holds (empty secret fields keep them); null for a new one. */
  stored: StoredCredentials | null;
}) {
  return (
    <Stack gap="sm">
      {fields.map((field) => {
        const common = {
          label: field.label,
          description: field.description,
          error: errors[field.path],
          placeholder: field.placeholder,
        };
        const value = values[field.path];
        switch (field.type) {
          case 'secret':
            return (
              <PasswordInput
                key={field.path}
                {...common}
                description={secretDescription(field, stored)}
                required={field.required && !isStored(field, stored)}
                autoComplete="new-password"
                value={typeof value === 'string' ? value : ''}
                onChange={(e) => onChange(field.path, e.currentTarget.value)}
              />
            );
          case 'number':
            return (
              <NumberInput
                key={field.path}
                {...common}
                required={field.required}
                min={field.min}
                allowDecimal={false}
                value={typeof value === 'number' || typeof value === 'string' ? value : ''}
                onChange={(next) => onChange(field.path, next)}
              />
            );
          case 'switch':
            return (
              <Switch
                key={field.path}
                label={field.label}
                description={field.description}
                error={errors[field.path]}
                checked={value === true}
                onChange={(e) => onChange(field.path, e.currentTarget.checked)}
              />
            );
          case 'tags':
            return (
              <TagsInput
                key={field.path}
                {...common}
                value={Array.isArray(value) ? value : []}
                onChange={(next) => onChange(field.path, next)}
                clearable
              />
            );
          case 'select':
            return (
              <Select
                key={field.path}
                {...common}
                data={field.options ?? []}
                value={typeof value === 'string' ? value : null}
                onChange={(next) => onChange(field.path, next ?? undefined)}
                allowDeselect={false}
              />
            );
          case 'choices':
            return (
              <Checkbox.Group
                key={field.path}
                label={field.label}
                description={field.description}
                error={errors[field.path]}
                value={Array.isArray(value) ? value : []}
                onChange={(next) => onChange(field.path, next)}
              >
                <Stack gap={6} mt={6}>
                  {field.options?.map((option) => (
                    <Checkbox key={option.value} value={option.value} label={option.label} />
                  ))}
                </Stack>
              </Checkbox.Group>
            );
          default:
            return (
              <TextInput
                key={field.path}
                {...common}
                description={
                  stored && !stored.readable && field.path.startsWith('credentials.')
                    ? 'The stored one can no longer be read (the server secret changed): enter it again.'
                    : field.description
                }
                type={field.type === 'url' ? 'url' : 'text'}
                required={field.required}
                value={typeof value === 'string' ? value : ''}
                onChange={(e) => onChange(field.path, e.currentTarget.value)}
              />
            );
        }
      })}
    </Stack>
  );
}
