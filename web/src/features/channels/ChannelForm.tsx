/** A channel's setup form, the same when adding and editing one: name, team, use, then the kind's own settings and secrets. */
import type { Dispatch, ReactNode, SetStateAction } from 'react';
import { Select } from '@mantine/core';
import { reachableClearButton } from '../../ui/clear-button';
import { fieldErrors, type FieldLabels } from '../../ui/form-problems';
import { SaveForm } from '../../ui/SaveForm';
import { NameInput } from '../../ui/NameInput';
import { useTeams } from '../teams/api';
import { CHANNEL_LABELS, missingFields, type ChannelField, type FormValues } from './channel-forms';
import { ChannelFields } from './ChannelFields';
import { ChannelPurposeSelect } from './ChannelPurposeSelect';
import type { ChannelPurpose, StoredCredentials } from './types';

export interface ChannelDraft {
  name: string;
  teamId: string | null;
  purpose: ChannelPurpose;
  values: FormValues;
}

export function ChannelForm({
  fields,
  stored,
  draft,
  setDraft,
  labels,
  error,
  teamDescription,
  notice,
  ...form
}: {
  fields: ChannelField[];
  /** Editing a saved channel: which secrets it holds (empty secret fields keep them); null for a new one. */
  stored: StoredCredentials | null;
  draft: ChannelDraft;
  setDraft: Dispatch<SetStateAction<ChannelDraft>>;
  labels: FieldLabels;
  error: unknown;
  pending: boolean;
  submitLabel: string;
  cancelLabel?: string;
  onSubmit: () => void;
  onCancel: () => void;
  teamDescription?: string;
  /** Shown between the channel's use and the kind's settings. */
  notice?: ReactNode;
}) {
  const teams = useTeams();
  const errors = fieldErrors(error, labels);
  const change = (next: Partial<ChannelDraft>) => setDraft((d) => ({ ...d, ...next }));
  const complete = draft.name.trim() !== '' && missingFields(fields, draft.values, stored).length === 0;
  return (
    <SaveForm {...form} labels={labels} error={error} canSubmit={complete}>
      <NameInput label={CHANNEL_LABELS.name} value={draft.name} onChange={(name) => change({ name })} error={errors.name} />
      <Select
        label={CHANNEL_LABELS.teamId}
        description={teamDescription}
        placeholder="No team"
        clearable
        allowDeselect={false}
        clearButtonProps={reachableClearButton('Clear team')}
        data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
        value={draft.teamId}
        onChange={(teamId) => change({ teamId })}
        error={errors.teamId}
      />
      <ChannelPurposeSelect value={draft.purpose} onChange={(purpose) => change({ purpose })} />
      {notice}
      <ChannelFields
        fields={fields}
        values={draft.values}
        onChange={(path, value) => setDraft((d) => ({ ...d, values: { ...d.values, [path]: value } }))}
        errors={errors}
        stored={stored}
      />
    </SaveForm>
  );
}
