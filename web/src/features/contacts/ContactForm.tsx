/** Create or edit a contact: core details, ways to reach them, profiles, dates and custom fields. */
import { useState } from 'react';
import { Button, Divider, Group, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { fieldErrors } from '../../lib/api';
import { FormError } from '../../ui/FormError';
import { CompanyPicker } from '../companies/CompanyPicker';
import { useCustomFields } from '../custom-fields/api';
import { CustomFieldsEditor } from '../custom-fields/CustomFieldsEditor';
import { MemberSelect } from '../members/MemberSelect';
import { AddressEditor } from './AddressEditor';
import { EmailsEditor, PhonesEditor } from './ContactChannelsEditor';
import { draftOf, inputOf, type ContactDraft } from './contact-draft';
import { ImportantDatesEditor } from './ImportantDatesEditor';
import { SocialHandlesEditor } from './SocialHandlesEditor';
import { LIFECYCLE_STAGES, type Contact, type ContactInput } from './types';

export function ContactForm({
  initial,
  defaults,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  initial?: Contact;
  defaults?: Partial<ContactDraft>;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: ContactInput) => void;
  onCancel?: () => void;
}) {
  const [draft, setDraft] = useState<ContactDraft>(() => draftOf(initial, defaults));
  const fields = useCustomFields('contact');
  const errors = fieldErrors(error);
  const set = (change: Partial<ContactDraft>) => setDraft((d) => ({ ...d, ...change }));
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(
          inputOf(
            draft,
            (fields.data ?? []).map((f) => f.key),
          ),
        );
      }}
    >
      <Stack>
        <FormError error={error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="First name"
            value={draft.firstName}
            onChange={(e) => set({ firstName: e.currentTarget.value })}
            error={errors.firstName}
            data-autofocus
          />
          <TextInput
            label="Last name"
            value={draft.lastName}
            onChange={(e) => set({ lastName: e.currentTarget.value })}
            error={errors.lastName}
          />
          <TextInput label="Job title" value={draft.title} onChange={(e) => set({ title: e.currentTarget.value })} error={errors.title} />
          <CompanyPicker
            value={draft.companyId}
            currentName={draft.companyName}
            onChange={(companyId, companyName) => set({ companyId, companyName })}
            error={errors.companyId}
          />
          <Select
            label="Lifecycle stage"
            data={[...LIFECYCLE_STAGES]}
            value={draft.lifecycleStage}
            onChange={(v) => set({ lifecycleStage: v ?? 'lead' })}
            allowDeselect={false}
          />
          <MemberSelect label="Owner" value={draft.ownerId} onChange={(ownerId) => set({ ownerId })} clearable error={errors.ownerId} />
        </SimpleGrid>
        <TagsInput label="Tags" value={draft.tags} onChange={(tags) => set({ tags })} error={errors.tags} />
        <Divider />
        <EmailsEditor emails={draft.emails} onChange={(emails) => set({ emails })} errors={errors} />
        <PhonesEditor phones={draft.phones} onChange={(phones) => set({ phones })} errors={errors} />
        <Divider />
        <SocialHandlesEditor handles={draft.socialHandles} onChange={(socialHandles) => set({ socialHandles })} errors={errors} />
        <ImportantDatesEditor dates={draft.importantDates} onChange={(importantDates) => set({ importantDates })} errors={errors} />
        <AddressEditor address={draft.address} onChange={(address) => set({ address })} errors={errors} />
        <CustomFieldsEditor entity="contact" values={draft.custom} onChange={(custom) => set({ custom })} errors={errors} />
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
