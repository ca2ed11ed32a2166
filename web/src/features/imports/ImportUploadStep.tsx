/**
 * Step 1 of an import: say whether the file holds contacts or companies, choose it (contacts from a
 * CSV, vCard or Rapport JSON file, companies from a CSV file) and send it to be read. A file that
 * does not fit the target stays chosen, with the reason under it, so switching back to contacts
 * imports it.
 */
import { useState } from 'react';
import { Button, FileInput, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { FormError } from '../../ui/FormError';
import type { FieldLabels } from '../../ui/form-problems';
import { useUploadImport } from './api';
import { readFileText } from './file-text';
import { fileProblem, formatOfFile } from './import-file';
import type { ImportDraft, ImportFormat, ImportTarget } from './types';

/** An unreadable file is refused on its content (the server names the line or card). */
const LABELS = { content: 'File', fileName: 'File', format: 'Format', target: 'What to import' } satisfies FieldLabels;

const INTRODUCTIONS: Record<ImportTarget, string> = {
  contacts:
    'Import contacts from a CSV file (one row per contact, with a header row), from a vCard file exported by an address book, or from a JSON file Rapport exported.',
  companies:
    'Import companies from a CSV file (one row per company, with a header row), such as another CRM’s export or Rapport’s own. A row whose domain (or, without one, whose name) matches a company already here updates that company instead of adding it again.',
};

/** Why the file was refused: nothing was saved, so the title says what did fail. */
export function UploadProblem({ error }: { error: unknown }) {
  return <FormError error={error} labels={LABELS} title="Could not import the file" />;
}

export function ImportUploadStep({
  target,
  onTarget,
  onUploaded,
}: {
  target: ImportTarget;
  onTarget: (target: ImportTarget) => void;
  onUploaded: (draft: ImportDraft) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [chosenFormat, setFormat] = useState<ImportFormat>('csv');
  const upload = useUploadImport();
  const problem = fileProblem(target, file);
  const companies = target === 'companies';
  // Companies come from spreadsheets only.
  const format = companies ? 'csv' : chosenFormat;
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        if (!file || problem) return;
        upload.mutate({ target, format, fileName: file.name, content: await readFileText(file) }, { onSuccess: onUploaded });
      }}
    >
      <Stack>
        <div>
          <Text size="sm" fw={500} mb={4} id="import-target-label">
            {LABELS.target}
          </Text>
          <SegmentedControl
            aria-labelledby="import-target-label"
            value={target}
            onChange={(v) => {
              onTarget(v as ImportTarget);
              upload.reset();
            }}
            data={[
              { value: 'contacts', label: 'Contacts' },
              { value: 'companies', label: 'Companies' },
            ]}
          />
        </div>
        <Text size="sm">{INTRODUCTIONS[target]}</Text>
        <FileInput
          label={LABELS.content}
          placeholder={companies ? 'Choose a .csv file' : 'Choose a .csv, .vcf or .json file'}
          accept={companies ? '.csv,text/csv' : '.csv,.vcf,.vcard,.json,text/csv,text/vcard,application/json'}
          leftSection={<IconFileUpload size={16} />}
          value={file}
          onChange={(next) => {
            setFile(next);
            setFormat(next ? formatOfFile(next.name) : 'csv');
            upload.reset();
          }}
          error={problem ?? undefined}
          clearable
          clearButtonProps={{ 'aria-label': 'Remove the chosen file' }}
          required
        />
        {!companies && (
          <div>
            <Text size="sm" fw={500} mb={4} id="import-format-label">
              {LABELS.format}
            </Text>
            <SegmentedControl
              aria-labelledby="import-format-label"
              value={format}
              onChange={(v) => setFormat(v as ImportFormat)}
              data={[
                { value: 'csv', label: 'CSV' },
                { value: 'vcard', label: 'vCard' },
                { value: 'json', label: 'JSON (Rapport export)' },
              ]}
            />
          </div>
        )}
        <UploadProblem error={upload.error} />
        <Group justify="flex-end">
          <Button type="submit" disabled={!file || problem !== null} loading={upload.isPending}>
            Next: map columns
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
