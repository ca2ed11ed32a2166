/** Create or edit a contact: core details, ways to reach them, profiles, dates and custom fields. */
import { useState } from 'react';
import { Divider, Select, SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import { reachableClearButton } from '../../ui/clear-button';
import { fieldErrors } from '../../ui/form-problems';
import type { DialogFormProps } from '../../ui/FormDialog';
import { SaveForm } from '../../ui/SaveForm';
import { CompanyPicker } from '../companies/CompanyPicker';
import { useCustomFields } from '../custom-fields/api';
import { CustomFieldsEditor } from '../custom-fields/CustomFieldsEditor';
import { MemberSelect } from '../members/MemberSelect';
import { useTeams } from '../teams/api';
import { AddressEditor } from './AddressEditor';
import { EmailsEditor, PhonesEditor } from './ContactChannelsEditor';
import { draftOf, inputOf, type ContactDraft } from './contact-draft';
import { CONTACT_LABELS, contactLabels, errorsByRow } from './contact-labels';
import { ImportantDatesEditor } from './ImportantDatesEditor';
import { SocialHandlesEditor } from './SocialHandlesEditor';
import { STAGE_OPTIONS } from './stage-labels';
import type { Contact, ContactInput } from './types';

export function ContactForm({
  initial,
  defaults,
  onSubmit,
  ...form
}: { initial?: Contact; defaults?: Partial<ContactDraft>; submitLabel: string } & DialogFormProps<ContactInput>) {
  const [draft, setDraft] = useState<ContactDraft>(() => draftOf(initial, defaults));
  const fields = useCustomFields('contact');
  const teams = useTeams();
  const labels = contactLabels(draft, fields.data ?? []);
  const errors = fieldErrors(form.error, labels);
  const rowErrors = errorsByRow(errors, draft);
  const customKeys = (fields.data ?? []).map((f) => f.key);
  const set = (change: Partial<ContactDraft>) => setDraft((d) => ({ ...d, ...change }));
  return (
    <SaveForm {...form} labels={labels} onSubmit={() => onSubmit(inputOf(draft, customKeys))}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={CONTACT_LABELS.firstName}
          value={draft.firstName}
          onChange={(e) => set({ firstName: e.currentTarget.value })}
          error={errors.firstName}
          data-autofocus
        />
        <TextInput
          label={CONTACT_LABELS.lastName}
          value={draft.lastName}
          onChange={(e) => set({ lastName: e.currentTarget.value })}
          error={errors.lastName}
        />
        <TextInput
          label={CONTACT_LABELS.title}
          value={draft.title}
          onChange={(e) => set({ title: e.currentTarget.value })}
          error={errors.title}
        />
        <CompanyPicker
          label={CONTACT_LABELS.companyId}
          value={draft.companyId}
          currentName={draft.companyName}
          onChange={(companyId, companyName) => set({ companyId, companyName })}
          error={errors.companyId}
        />
        <Select
          label={CONTACT_LABELS.lifecycleStage}
          data={STAGE_OPTIONS}
          value={draft.lifecycleStage}
          onChange={(v) => set({ lifecycleStage: v ?? 'lead' })}
          error={errors.lifecycleStage}
          allowDeselect={false}
        />
        <MemberSelect
          label={CONTACT_LABELS.ownerId}
          value={draft.ownerId}
          onChange={(ownerId) => set({ ownerId })}
          clearable
          error={errors.ownerId}
        />
        <Select
          label={CONTACT_LABELS.teamId}
          data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          value={draft.teamId}
          onChange={(teamId) => set({ teamId })}
          placeholder="No team"
          clearable
          allowDeselect={false}
          clearButtonProps={reachableClearButton('Clear team')}
          error={errors.teamId}
        />
      </SimpleGrid>
      <TagsInput label={CONTACT_LABELS.tags} value={draft.tags} onChange={(tags) => set({ tags })} error={errors.tags} />
      <Divider />
      <EmailsEditor emails={draft.emails} onChange={(emails) => set({ emails })} errors={rowErrors} />
      <PhonesEditor phones={draft.phones} onChange={(phones) => set({ phones })} errors={rowErrors} />
      <Divider />
      <SocialHandlesEditor handles={draft.socialHandles} onChange={(socialHandles) => set({ socialHandles })} errors={rowErrors} />
      <ImportantDatesEditor dates={draft.importantDates} onChange={(importantDates) => set({ importantDates })} errors={rowErrors} />
      <AddressEditor address={draft.address} onChange={(address) => set({ address })} errors={errors} />
      <CustomFieldsEditor entity="contact" values={draft.custom} onChange={(custom) => set({ custom })} errors={errors} />
    </SaveForm>
  );
}
