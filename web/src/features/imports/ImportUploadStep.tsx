/** Step 1 of an import: choose a CSV, vCard or Rapport JSON file and send it to be read. */
import { useState } from 'react';
import { Button, FileInput, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { FormError } from '../../ui/FormError';
import type { FieldLabels } from '../../ui/form-problems';
import { useUploadImport } from './api';
import { readFileText } from './file-text';
import type { ImportDraft, ImportFormat } from './types';

const MAX_BYTES = 20 * 1024 * 1024;

/** An unreadable file is refused on its content (the server names the line or card). */
const LABELS = { content: 'File', fileName: 'File', format: 'Format' } satisfies FieldLabels;

function formatOf(file: File | null): ImportFormat {
  if (file && /\.(vcf|vcard)$/i.test(file.name)) return 'vcard';
  return file && /\.json$/i.test(file.name) ? 'json' : 'csv';
}

export function ImportUploadStep({ onUploaded }: { onUploaded: (draft: ImportDraft) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>('csv');
  const upload = useUploadImport();
  const tooBig = file !== null && file.size > MAX_BYTES;
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        if (!file) return;
        upload.mutate({ format, fileName: file.name, content: await readFileText(file) }, { onSuccess: onUploaded });
      }}
    >
      <Stack>
        <Text size="sm">
          Import contacts from a CSV file (one row per contact, with a header row), from a vCard file exported by an address book, or from a
          JSON file Rapport exported.
        </Text>
        <FileInput
          label={LABELS.content}
          placeholder="Choose a .csv, .vcf or .json file"
          accept=".csv,.vcf,.vcard,.json,text/csv,text/vcard,application/json"
          leftSection={<IconFileUpload size={16} />}
          value={file}
          onChange={(next) => {
            setFile(next);
            setFormat(formatOf(next));
            upload.reset();
          }}
          error={tooBig ? 'The file is larger than 20 MB' : undefined}
          clearable
          clearButtonProps={{ 'aria-label': 'Remove the chosen file' }}
          required
        />
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
        <FormError error={upload.error} labels={LABELS} />
        <Group justify="flex-end">
          <Button type="submit" disabled={!file || tooBig} loading={upload.isPending}>
            Next: map columns
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
