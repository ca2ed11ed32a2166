/** One weekday of the business hours: open or closed, and its opening windows. */
import { ActionIcon, Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { TEXT_COLORS } from '../../ui/text-colors';
import { OFFICE_HOURS, type DayDraft } from './sla-draft';
import type { OpeningWindow } from './types';

/** The API allows this many windows a day. */
const MAX_WINDOWS = 10;

export function BusinessHoursDay({
  name,
  day,
  onChange,
  error,
  disabled,
}: {
  /** "Monday". */
  name: string;
  day: DayDraft;
  onChange: (day: DayDraft) => void;
  error?: string;
  disabled: boolean;
}) {
  const setWindow = (index: number, window: OpeningWindow) =>
    onChange({ ...day, windows: day.windows.map((w, i) => (i === index ? window : w)) });
  return (
    <Stack gap={4}>
      <Group gap="sm" align="center" wrap="wrap">
        <Checkbox
          label={name}
          checked={day.open}
          onChange={(event) => onChange({ ...day, open: event.currentTarget.checked })}
          disabled={disabled}
          w={120}
        />
        {!day.open && (
          <Text size="sm" c="dimmed">
            Closed
          </Text>
        )}
        {day.open && (
          <Stack gap={6}>
            {day.windows.map(([from, to], index) => (
              <Group key={index} gap={6} wrap="nowrap">
                <TextInput
                  type="time"
                  aria-label={`${name} opens${day.windows.length > 1 ? ` (${index + 1})` : ''}`}
                  value={from}
                  onChange={(event) => setWindow(index, [event.currentTarget.value, to])}
                  disabled={disabled}
                  w={120}
                />
                <Text size="sm" aria-hidden>
                  to
                </Text>
                <TextInput
                  type="time"
                  aria-label={`${name} closes${day.windows.length > 1 ? ` (${index + 1})` : ''}`}
                  value={to}
                  onChange={(event) => setWindow(index, [from, event.currentTarget.value])}
                  disabled={disabled}
                  w={120}
                />
                {!disabled && day.windows.length > 1 && (
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Remove ${name} ${from}–${to}`}
                    onClick={() => onChange({ ...day, windows: day.windows.filter((_, i) => i !== index) })}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {day.open && !disabled && day.windows.length < MAX_WINDOWS && (
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            aria-label={`Add opening hours on ${name}`}
            onClick={() => onChange({ ...day, windows: [...day.windows, day.windows.length ? ['', ''] : OFFICE_HOURS] })}
          >
            Add hours
          </Button>
        )}
      </Group>
      {error && (
        <Text size="sm" c={TEXT_COLORS.danger} role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
