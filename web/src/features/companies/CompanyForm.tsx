/** Create or edit a company. */
import { useState } from 'react';
import { Select, SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import { reachableClearButton } from '../../ui/clear-button';
import { fieldErrors, type FieldLabels } from '../../ui/form-problems';
import type { DialogFormProps } from '../../ui/FormDialog';
import { SaveForm } from '../../ui/SaveForm';
import { useCustomFields } from '../custom-fields/api';
import { customFieldLabels, CustomFieldsEditor } from '../custom-fields/CustomFieldsEditor';
import { MemberSelect } from '../members/MemberSelect';
import { companyDraftOf, companyInputOf, type CompanyDraft } from './company-draft';
import { COMPANY_SIZES, type Company, type CompanyInput } from './types';

/** A problem on one domain (`domains.2`) lands on the list: its entries have no input of their own. */
const LABELS = {
  name: 'Name',
  domains: 'Domains',
  industry: 'Industry',
  size: 'Size',
  ownerId: 'Owner',
  tags: 'Tags',
} satisfies FieldLabels;

export function CompanyForm({ initial, onSubmit, ...form }: { initial?: Company; submitLabel: string } & DialogFormProps<CompanyInput>) {
  const [draft, setDraft] = useState<CompanyDraft>(() => companyDraftOf(initial));
  const fields = useCustomFields('company');
  const labels = { ...LABELS, ...customFieldLabels(fields.data ?? []) };
  const errors = fieldErrors(form.error, labels);
  const customKeys = (fields.data ?? []).map((f) => f.key);
  const set = (change: Partial<CompanyDraft>) => setDraft((d) => ({ ...d, ...change }));
  return (
    <SaveForm {...form} labels={labels} onSubmit={() => onSubmit(companyInputOf(draft, customKeys))}>
      <TextInput
        label={LABELS.name}
        value={draft.name}
        onChange={(e) => set({ name: e.currentTarget.value })}
        required
        error={errors.name}
        data-autofocus
      />
      <TagsInput
        label={LABELS.domains}
        description="Press Enter after each; contacts with e-mails at these domains belong here"
        placeholder="example.com"
        value={draft.domains}
        onChange={(domains) => set({ domains })}
        error={errors.domains}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={LABELS.industry}
          value={draft.industry}
          onChange={(e) => set({ industry: e.currentTarget.value })}
          error={errors.industry}
        />
        <Select
          label={LABELS.size}
          placeholder="Unknown"
          data={COMPANY_SIZES.map((s) => ({ value: s, label: `${s} people` }))}
          value={draft.size || null}
          onChange={(size) => set({ size: size ?? '' })}
          clearable
          allowDeselect={false}
          clearButtonProps={reachableClearButton('Clear size')}
          error={errors.size}
        />
        <MemberSelect
          label={LABELS.ownerId}
          value={draft.ownerId}
          onChange={(ownerId) => set({ ownerId })}
          clearable
          error={errors.ownerId}
        />
      </SimpleGrid>
      <TagsInput label={LABELS.tags} value={draft.tags} onChange={(tags) => set({ tags })} error={errors.tags} />
      <CustomFieldsEditor entity="company" values={draft.custom} onChange={(custom) => set({ custom })} errors={errors} />
    </SaveForm>
  );
}
