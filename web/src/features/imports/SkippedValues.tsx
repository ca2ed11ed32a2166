/**
 * Part of an import's report: the values of imported rows that the import could not use (a vCard
 * PHOTO, a second address, a date it cannot read), by column or property, each with why and the
 * rows it was left out of. A long report shows its first few groups until the user asks for all.
 */
import { useId, useState } from 'react';
import { Button, List, Stack, Text, Title } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { formatNumber } from '../../lib/format';
import { COLUMN_UNITS, countOf, FILE_UNITS, unitFor } from './counts';
import { groupSkipped, rowsText } from './skipped-values';
import type { ImportFormat, ImportTarget, SkippedValue } from './types';

const SHOWN_FIELDS = 5;
const SHOWN_REASONS = 3;
/** The report keeps the first 1,000 values left out (the server's MAX_REPORTED_ERRORS). */
const REPORTED = 1000;
const VALUES = ['value', 'values'] as const;

export function SkippedValues({ skipped, format, target }: { skipped: SkippedValue[]; format: ImportFormat; target: ImportTarget }) {
  const [all, setAll] = useState(false);
  const id = useId();
  const fields = groupSkipped(skipped);
  const shown = all ? fields : fields.slice(0, SHOWN_FIELDS);
  const folded = fields.length > SHOWN_FIELDS || fields.some((f) => f.reasons.length > SHOWN_REASONS);
  const many = FILE_UNITS[format][1];
  const total = skipped.length >= REPORTED ? `At least ${formatNumber(REPORTED)} values` : countOf(skipped.length, VALUES);
  return (
    <Stack component="section" gap="xs" aria-labelledby={`${id}-heading`}>
      <Title order={3} size="h5" id={`${id}-heading`}>
        Values not imported
      </Title>
      <Text size="sm">
        {total} in the imported {many} could not be used: the {target} were imported without them.
      </Text>
      <Stack gap="sm" id={`${id}-list`}>
        {shown.map((field) => (
          <div key={field.field}>
            <Title order={4} size="h6" style={{ overflowWrap: 'anywhere' }}>
              {field.field}{' '}
              <Text span size="sm" c="dimmed" fw={400}>
                ({countOf(field.count, VALUES)})
              </Text>
            </Title>
            <List size="sm" spacing={2}>
              {(all ? field.reasons : field.reasons.slice(0, SHOWN_REASONS)).map(({ reason, rows }) => (
                <List.Item key={reason} style={{ overflowWrap: 'anywhere' }}>
                  {rowsText(rows, FILE_UNITS[format])}: {reason}
                </List.Item>
              ))}
            </List>
            {!all && field.reasons.length > SHOWN_REASONS && (
              <Text size="sm" c="dimmed">
                and {countOf(field.reasons.length - SHOWN_REASONS, ['other reason', 'other reasons'])}
              </Text>
            )}
          </div>
        ))}
        {!all && fields.length > SHOWN_FIELDS && (
          <Text size="sm" c="dimmed">
            and {formatNumber(fields.length - SHOWN_FIELDS)} more {unitFor(fields.length - SHOWN_FIELDS, COLUMN_UNITS[format])}
          </Text>
        )}
      </Stack>
      {folded && (
        <div>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => setAll((was) => !was)}
            aria-expanded={all}
            aria-controls={`${id}-list`}
            leftSection={all ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
          >
            {all ? 'Show fewer' : `Show every ${COLUMN_UNITS[format][0]} and reason`}
          </Button>
        </div>
      )}
    </Stack>
  );
}
