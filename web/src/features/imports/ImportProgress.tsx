/**
 * Step 3 of an import: how far it got, then what was imported, which rows were rejected, which
 * updated a company already there, and which values were left out.
 */
import { Alert, Button, Group, Progress, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { formatNumber } from '../../lib/format';
import { QueryError } from '../../ui/QueryError';
import { useImportJob } from './api';
import { CompanyUpdates } from './CompanyUpdates';
import { countOf, FILE_UNITS } from './counts';
import { SkippedValues } from './SkippedValues';
import { TEXT_COLORS } from '../../ui/text-colors';

const SHOWN_REJECTIONS = 500;

const capitalised = (word: string) => word[0]!.toUpperCase() + word.slice(1);

function Count({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="xl" fw={700} c={color}>
        {formatNumber(value)}
      </Text>
    </div>
  );
}

export function ImportProgress({ importId, onClose }: { importId: string; onClose: () => void }) {
  const job = useImportJob(importId);
  if (job.isError) return <QueryError title="Could not follow the import" error={job.error} onRetry={() => void job.refetch()} />;
  const j = job.data;
  const percent = j && j.total > 0 ? Math.round((j.processed / j.total) * 100) : 0;
  const finished = j?.status === 'done' || j?.status === 'failed';
  const [one, many] = FILE_UNITS[j?.format ?? 'csv'];
  const companies = j?.target === 'companies';
  return (
    <Stack>
      <div>
        <Group justify="space-between" mb={4}>
          <Text size="sm" fw={500} id="import-progress-label">
            {finished ? (j?.status === 'failed' ? 'Import failed' : 'Import finished') : 'Importing…'}
          </Text>
          <Text size="sm" c="dimmed">
            {j ? `${formatNumber(j.processed)} of ${countOf(j.total, FILE_UNITS[j.format])}` : ''}
          </Text>
        </Group>
        {/* The section is the progressbar, so it is what the label must name (on the root, it named nothing). */}
        <Progress.Root size="lg">
          <Progress.Section
            value={percent}
            animated={!finished}
            color={j?.status === 'failed' ? 'red' : undefined}
            aria-labelledby="import-progress-label"
          />
        </Progress.Root>
      </div>
      <SimpleGrid cols={{ base: 2, sm: companies ? 5 : 4 }}>
        <Count label={capitalised(many)} value={j?.total ?? 0} />
        <Count label="Imported" value={j?.imported ?? 0} color={TEXT_COLORS.success} />
        <Count label="Rejected" value={j?.rejected ?? 0} color={j?.rejected ? TEXT_COLORS.danger : undefined} />
        <Count label="New companies" value={j?.companiesCreated ?? 0} />
        {companies && <Count label="Updated" value={j?.updated ?? 0} />}
      </SimpleGrid>
      {j?.status === 'failed' && j.errors.length === 0 && (
        <Alert color="red" role="alert">
          The import stopped before it finished. Nothing further was imported.
        </Alert>
      )}
      {finished && j && j.errors.length > 0 && (
        <section aria-labelledby="import-rejected-heading">
          <Title order={3} size="h5" mb="xs" id="import-rejected-heading">
            Rejected {many}
          </Title>
          <ScrollArea.Autosize mah="35vh" type="auto">
            <Table stickyHeader verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>{capitalised(one)}</Table.Th>
                  <Table.Th w={160}>Field</Table.Th>
                  <Table.Th>Problem</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {j.errors.slice(0, SHOWN_REJECTIONS).map((e, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{e.row}</Table.Td>
                    <Table.Td>{e.field || '—'}</Table.Td>
                    <Table.Td>{e.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          {j.errors.length > SHOWN_REJECTIONS && (
            <Text size="xs" c="dimmed" mt={4}>
              The first {SHOWN_REJECTIONS} of {formatNumber(j.errors.length)} problems are shown.
            </Text>
          )}
        </section>
      )}
      {finished && j && j.updated > 0 && <CompanyUpdates updates={j.updates} updated={j.updated} />}
      {finished && j && j.skipped.length > 0 && <SkippedValues skipped={j.skipped} format={j.format} target={j.target} />}
      <Group justify="flex-end">
        <Button onClick={onClose} variant={finished ? 'filled' : 'default'}>
          {finished ? 'Done' : 'Close (the import goes on)'}
        </Button>
      </Group>
    </Stack>
  );
}
