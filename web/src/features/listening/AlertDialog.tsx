/** Creates or changes an alert: what it watches, what counts as unusual, and where it is delivered. */
import { useState } from 'react';
import { Button, Group, NumberInput, Select, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { fieldErrors, type FieldLabels } from '../../ui/form-problems';
import { alertDraft, alertDraftProblems, toAlertInput, type AlertDraft } from './alert-draft';
import { useSaveAlert, useSavedQueries } from './api';
import { TRIGGER_LABELS } from './labels';
import { scopeOptions } from './query-scope';
import { TRIGGERS, type Alert, type Trigger } from './types';

const LABELS = {
  name: 'Alert name',
  // One select picks a query or a group: either problem is told on it.
  queryId: 'Query or group',
  queryKind: 'Query or group',
  trigger: 'Trigger',
  keyword: 'Keyword',
  sensitivity: 'Sensitivity',
  minMentions: 'Minimum mentions',
  cooldownMinutes: 'Cool-down (minutes)',
  notifyInApp: 'Notify in the app',
  notifyEmails: 'E-mail to',
  webhookUrl: 'Webhook URL',
  isActive: 'Active',
} satisfies FieldLabels;

export function AlertDialog({ alert, opened, onClose }: { alert?: Alert; opened: boolean; onClose: () => void }) {
  const queries = useSavedQueries();
  const save = useSaveAlert();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [draft, setDraft] = useState<AlertDraft>(() => alertDraft(alert));
  const [tried, setTried] = useState(false);
  const set = <K extends keyof AlertDraft>(key: K, value: AlertDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const { keyword: keywordLabel, ...alwaysShown } = LABELS;
  const labels = draft.trigger === 'keyword' ? LABELS : alwaysShown;
  const problems: Partial<Record<keyof typeof LABELS, string>> = {
    ...fieldErrors(save.error, labels),
    ...(tried ? alertDraftProblems(draft) : {}),
  };
  // An alert watches a group or a query, never "everything".
  const scopes = scopeOptions(queries.data ?? []).filter((group) => group.group !== 'Everything');
  const dismiss = () => {
    save.reset();
    onClose();
  };
  return (
    <Dialog opened={opened} onClose={dismiss} title={alert ? `Edit alert ${alert.name}` : 'New alert'} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (Object.keys(alertDraftProblems(draft)).length > 0) return;
          save.mutate({ id: alert?.id, input: toAlertInput(draft), idempotencyKey }, { onSuccess: dismiss });
        }}
      >
        <Stack>
          <FormError error={save.error} labels={labels} />
          <TextInput
            label={LABELS.name}
            value={draft.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            required
            error={problems.name}
            data-autofocus
          />
          <Group grow align="flex-start">
            <Select
              label={LABELS.queryId}
              placeholder="Choose what to watch"
              data={scopes}
              value={draft.scope || null}
              onChange={(value) => set('scope', value ?? '')}
              searchable
              required
              error={problems.queryId ?? problems.queryKind}
            />
            <Select
              label={LABELS.trigger}
              data={TRIGGERS.map((t) => ({ value: t, label: TRIGGER_LABELS[t] }))}
              value={draft.trigger}
              onChange={(value) => value && set('trigger', value as Trigger)}
              allowDeselect={false}
              error={problems.trigger}
            />
          </Group>
          {draft.trigger === 'keyword' && (
            <TextInput
              label={keywordLabel}
              description="Alert when a mention contains this word"
              value={draft.keyword}
              onChange={(e) => set('keyword', e.currentTarget.value)}
              required
              error={problems.keyword}
            />
          )}
          <Group grow align="flex-start">
            <NumberInput
              label={LABELS.sensitivity}
              description="Spreads above the expected count; lower fires sooner"
              min={1}
              max={10}
              step={0.5}
              decimalScale={1}
              value={draft.sensitivity}
              onChange={(value) => set('sensitivity', Number(value) || 3)}
              disabled={draft.trigger === 'keyword'}
              error={problems.sensitivity}
            />
            <NumberInput
              label={LABELS.minMentions}
              description="Never fire below this many"
              min={1}
              max={1_000_000}
              allowDecimal={false}
              value={draft.minMentions}
              onChange={(value) => set('minMentions', Number(value) || 1)}
              error={problems.minMentions}
            />
            <NumberInput
              label={LABELS.cooldownMinutes}
              description="Quiet time after firing"
              min={5}
              max={10_080}
              allowDecimal={false}
              value={draft.cooldownMinutes}
              onChange={(value) => set('cooldownMinutes', Number(value) || 60)}
              error={problems.cooldownMinutes}
            />
          </Group>
          <Switch
            label={LABELS.notifyInApp}
            checked={draft.notifyInApp}
            onChange={(e) => set('notifyInApp', e.currentTarget.checked)}
            error={problems.notifyInApp}
          />
          <Textarea
            label={LABELS.notifyEmails}
            description="Addresses separated by commas or new lines"
            autosize
            minRows={1}
            value={draft.emails}
            onChange={(e) => set('emails', e.currentTarget.value)}
            error={problems.notifyEmails}
          />
          <TextInput
            label={LABELS.webhookUrl}
            description="Called with a signed JSON body when the alert fires"
            placeholder="https://"
            value={draft.webhookUrl}
            onChange={(e) => set('webhookUrl', e.currentTarget.value)}
            error={problems.webhookUrl}
          />
          <Switch label={LABELS.isActive} checked={draft.isActive} onChange={(e) => set('isActive', e.currentTarget.checked)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={dismiss}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save alert
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
