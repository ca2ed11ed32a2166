/** The name a form gives what it makes: required, and where the focus lands as the form opens. */
import { TextInput } from '@mantine/core';

export function NameInput({
  label,
  value,
  onChange,
  error,
  maxLength,
}: {
  label: string;
  value: string;
  onChange: (name: string) => void;
  error?: string;
  maxLength?: number;
}) {
  return (
    <TextInput
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      required
      maxLength={maxLength}
      error={error}
      data-autofocus
    />
  );
}
