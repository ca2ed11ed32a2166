/**
 * Writes or changes a saved query: its name, its group and the query itself, checked and
 * previewed ~300 ms after typing stops, so mistakes show where they are before saving.
 */
import { useState } from 'react';
import { Grid, Group, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { FormError } from '../../ui/FormError';
import { FormFooter } from '../../ui/FormFooter';
import { QueryError } from '../../ui/QueryError';
import { fieldErrors, type FieldLabels } from '../../ui/form-problems';
import { useQueryCheck, useSaveQuery } from './api';
import { KIND_LABELS } from './labels';
import { QueryCheatSheet } from './QueryCheatSheet';
import { QueryEditor } from './QueryEditor';
import { QueryFilterPickers } from './QueryFilterPickers';
import { QueryPreview } from './QueryPreview';
import { QueryProblems } from './QueryProblems';
import { QUERY_KINDS, type QueryKind, type SavedQuery } from './types';

const TYPING_PAUSE_MS = 300;
const EDITOR_ID = 'listening-query-text';
const PROBLEMS_ID = 'listening-query-problems';

const LABELS = {
  name: 'Query name',
  kind: 'Group',
  // The editor's own label: its problems show below it, checked as the query is typed.
  query: 'Query',
  isActive: 'Active: match new messages as they arrive',
} satisfies FieldLabels;

export function QueryForm({ saved, canWrite }: { saved?: SavedQuery; canWrite: boolean }) {
  const navigate = useNavigate();
  const save = useSaveQuery();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [name, setName] = useState(saved?.name ?? '');
  const [kind, setKind] = useState<QueryKind>(saved?.kind ?? 'brand');
  const [text, setText] = useState(saved?.query ?? '');
  const [isActive, setIsActive] = useState(saved?.isActive ?? true);
  const [typed] = useDebouncedValue(text, TYPING_PAUSE_MS);
  const check = useQueryCheck(typed);
  const current = text.trim() ? (check.data ?? null) : null;
  const errors = fieldErrors(save.error, LABELS);

  const submit = () =>
    save.mutate(
      { id: saved?.id, input: { name: name.trim(), kind, query: text, isActive }, idempotencyKey },
      {
        onSuccess: (query) => {
          const changedText = !saved || saved.query !== query.query;
          notifications.show({
            color: 'teal',
            title: saved ? 'Query saved' : 'Query created',
            message: changedText ? `${query.name} is being matched against the stored history.` : `${query.name} is saved.`,
          });
          void navigate('/listening/queries');
        },
      },
    );

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack>
            <FormError error={save.error} labels={LABELS} />
            <Group grow align="flex-start">
              <TextInput
                label={LABELS.name}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                required
                maxLength={200}
                error={errors.name}
                data-autofocus
              />
              <Select
                label={LABELS.kind}
                data={QUERY_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
                value={kind}
                onChange={(value) => value && setKind(value as QueryKind)}
                allowDeselect={false}
                error={errors.kind}
              />
            </Group>
            <QueryEditor id={EDITOR_ID} value={text} onChange={setText} check={current} describedBy={PROBLEMS_ID} />
            <QueryProblems id={PROBLEMS_ID} check={current} text={text} />
            {text.trim() !== '' && check.isError && (
              <QueryError title="The query could not be checked" error={check.error} onRetry={() => void check.refetch()} />
            )}
            <QueryFilterPickers text={text} onChange={setText} />
            <Switch label={LABELS.isActive} checked={isActive} onChange={(e) => setIsActive(e.currentTarget.checked)} />
            <FormFooter
              submitLabel="Save query"
              pending={save.isPending}
              canSubmit={canWrite && name.trim() !== '' && text.trim() !== ''}
              onCancel={() => void navigate('/listening/queries')}
            />
            <QueryCheatSheet />
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <QueryPreview text={typed} />
      </Grid.Col>
    </Grid>
  );
}
