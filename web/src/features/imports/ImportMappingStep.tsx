/**
 * Step 2 of an import: say which contact or company field each CSV column fills, or which vCard
 * properties and JSON fields to import (each fills its own contact field), then start.
 */
import { useState } from 'react';
import { Button, Checkbox, Group, ScrollArea, Select, Stack, Table, Text } from '@mantine/core';
import { FormError } from '../../ui/FormError';
import type { FieldLabels } from '../../ui/form-problems';
import { useCustomFields } from '../custom-fields/api';
import { useStartImport } from './api';
import { COLUMN_UNITS, countOf, FILE_UNITS } from './counts';
import { keepsOrSkips, keptTarget, targetOptions } from './import-targets';
import type { ImportDraft } from './types';
import { reachableClearButton } from '../../ui/clear-button';

const ALLOW_PARTIAL = 'Import the valid rows even when some rows are rejected';

/** What each column's input is called, as the server names its problems (`mapping.<column>`). */
function labelsOf(draft: ImportDraft, fixed: boolean): FieldLabels {
  return {
    mapping: 'Column mapping',
    ...Object.fromEntries(draft.columns.map((c) => [`mapping.${c}`, fixed ? `Import ${c}` : `Import column ${c} as`])),
    allowPartial: ALLOW_PARTIAL,
  };
}

/** The first sample values of a column. */
function examples(draft: ImportDraft, index: number): string {
  return draft.sample
    .map((row) => row[index] ?? '')
    .filter(Boolean)
    .slice(0, 2)
    .join(', ');
}

export function ImportMappingStep({ draft, onStarted, onBack }: { draft: ImportDraft; onStarted: () => void; onBack: () => void }) {
  const [mapping, setMapping] = useState<Record<string, string | null>>(() =>
    Object.fromEntries(draft.columns.map((c) => [c, draft.suggestedMapping[c] === 'ignore' ? null : (draft.suggestedMapping[c] ?? null)])),
  );
  const [allowPartial, setAllowPartial] = useState(false);
  const record = draft.target === 'companies' ? 'company' : 'contact';
  const customFields = useCustomFields(record);
  const start = useStartImport(draft.id);
  const targets = targetOptions(draft.target, customFields.data ?? [], Object.values(draft.suggestedMapping));
  const groups = [...new Set(targets.map((t) => t.group))].map((group) => ({
    group,
    items: targets.filter((t) => t.group === group).map(({ value, label }) => ({ value, label })),
  }));
  const mapped = Object.values(mapping).filter(Boolean).length;
  const fixed = keepsOrSkips(draft.format);

  return (
    <Stack>
      <Text size="sm">
        {draft.fileName}: {countOf(draft.total, FILE_UNITS[draft.format])}, {countOf(draft.columns.length, COLUMN_UNITS[draft.format])}.{' '}
        {fixed
          ? `Each ${COLUMN_UNITS[draft.format][0]} fills its own contact field; untick the ones to skip.`
          : `Choose the ${record} field each column fills; columns left empty are skipped.`}
      </Text>
      <ScrollArea.Autosize mah="45vh" type="auto">
        <Table stickyHeader verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Column in file</Table.Th>
              <Table.Th>Example</Table.Th>
              <Table.Th w={240}>{fixed ? 'Import' : 'Import as'}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {draft.columns.map((column, index) => (
              <Table.Tr key={column}>
                <Table.Td fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {column}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={1}>
                    {examples(draft, index)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {fixed ? (
                    <Checkbox
                      aria-label={`Import ${column}`}
                      checked={mapping[column] != null}
                      onChange={(e) => {
                        const keep = e.currentTarget.checked;
                        setMapping((m) => ({ ...m, [column]: keep ? keptTarget(draft.suggestedMapping, column) : null }));
                      }}
                    />
                  ) : (
                    <Select
                      aria-label={`Import column ${column} as`}
                      placeholder="Skip this column"
                      data={groups}
                      value={mapping[column] ?? null}
                      onChange={(target) => setMapping((m) => ({ ...m, [column]: target }))}
                      clearable
                      allowDeselect={false}
                      clearButtonProps={reachableClearButton(`Skip column ${column}`)}
                      searchable
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      <Checkbox
        label={ALLOW_PARTIAL}
        description="Otherwise nothing is imported if any row has a problem."
        checked={allowPartial}
        onChange={(e) => setAllowPartial(e.currentTarget.checked)}
      />
      <FormError error={start.error} labels={labelsOf(draft, fixed)} title="Could not start the import" />
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          Back
        </Button>
        <Button
          disabled={mapped === 0}
          loading={start.isPending}
          onClick={() => start.mutate({ mapping, allowPartial }, { onSuccess: onStarted })}
        >
          Start import
        </Button>
      </Group>
    </Stack>
  );
}
