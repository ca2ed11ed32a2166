/** One custom value shown by its field's type. */
import { Badge, Group, Text } from '@mantine/core';
import { formatDay, formatNumber } from '../../lib/format';
import { ExternalLink } from '../../ui/ExternalLink';
import type { CustomField } from './types';

export function CustomFieldValue({ field, value }: { field: CustomField; value: unknown }) {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  switch (field.type) {
    case 'number':
      return <Text size="sm">{typeof value === 'number' ? formatNumber(value) : String(value)}</Text>;
    case 'date':
      return <Text size="sm">{formatDay(String(value))}</Text>;
    case 'boolean':
      return <Text size="sm">{value === true ? 'Yes' : 'No'}</Text>;
    case 'url':
      return <ExternalLink href={value} />;
    case 'select':
      return (
        <Badge variant="light" color="gray">
          {String(value)}
        </Badge>
      );
    case 'multi_select':
      return (
        <Group gap={4}>
          {(Array.isArray(value) ? value : [value]).map((v) => (
            <Badge key={String(v)} variant="light" color="gray">
              {String(v)}
            </Badge>
          ))}
        </Group>
      );
    default:
      return (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {String(value)}
        </Text>
      );
  }
}
