/** The inputs of a channel kind's settings form, with the server's problems beside each one. */
import { Checkbox, NumberInput, PasswordInput, Select, Stack, Switch, TagsInput, TextInput } from '@mantine/core';
import type { ChannelField, FormValues } from './channel-forms';

export function ChannelFields({
  fields,
  values,
  onChange,
  errors,
  hasCredentials,
}: {
  fields: ChannelField[];
  values: FormValues;
  onChange: (path: string, value: FormValues[string]) => void;
  errors: Record<string, string>;
  /** Editing a channel whose secrets are stored: empty secret fields keep them. */
  hasCredentials: boolean;
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
                description={hasCredentials ? 'Stored. Type a new one to replace it, or leave empty to keep it.' : field.description}
                required={field.required && !hasCredentials}
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
