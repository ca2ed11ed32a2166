/** Create or edit a contact's core details. */
import { useState } from 'react';
import { Button, Group, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { fieldErrors } from '../../lib/api';
import { LIFECYCLE_STAGES, type Contact } from '../../lib/types';
import type { ContactInput } from './api';

export function ContactForm({
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  initial?: Contact;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: ContactInput) => void;
  onCancel?: () => void;
}) {
  const [firstName, setFirstName] = useState(initial?.firstName ?? '');
  const [lastName, setLastName] = useState(initial?.lastName ?? '');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [email, setEmail] = useState(initial?.emails[0]?.address ?? '');
  const [phone, setPhone] = useState(initial?.phones[0]?.number ?? '');
  const [stage, setStage] = useState<string>(initial?.lifecycleStage ?? 'lead');
  const [tags, setTags] = useState<string[]>(initial?.tags ?? []);
  const errors = fieldErrors(error);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit({
          firstName,
          lastName,
          title,
          emails: email
            ? [
                { address: email, ...(initial?.emails[0]?.label ? { label: initial.emails[0].label } : {}) },
                ...(initial?.emails.slice(1) ?? []),
              ]
            : (initial?.emails.slice(1) ?? []),
          phones: phone ? [{ number: phone }, ...(initial?.phones.slice(1) ?? [])] : (initial?.phones.slice(1) ?? []),
          lifecycleStage: stage,
          tags,
        });
      }}
    >
      <Stack>
        <Group grow>
          <TextInput
            label="First name"
            value={firstName}
            onChange={(e) => setFirstName(e.currentTarget.value)}
            error={errors.firstName}
            data-autofocus
          />
          <TextInput label="Last name" value={lastName} onChange={(e) => setLastName(e.currentTarget.value)} error={errors.lastName} />
        </Group>
        <TextInput label="Job title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} />
        <TextInput
          label="E-mail"
          type="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={errors['emails.0.address']}
        />
        <TextInput label="Phone" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} error={errors['phones.0.number']} />
        <Select
          label="Lifecycle stage"
          data={[...LIFECYCLE_STAGES]}
          value={stage}
          onChange={(v) => setStage(v ?? 'lead')}
          allowDeselect={false}
        />
        <TagsInput label="Tags" value={tags} onChange={setTags} error={errors.tags} />
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
