/** Picks a date range: a preset (24 h, 7 d, 30 d, 90 d), any time (where allowed), or two days of one's own. */
import { Group, Select, TextInput } from '@mantine/core';
import { RANGE_PRESETS, dayOf, rangeProblem, type DateRange } from './date-range';

const ANY = 'any';
const CUSTOM = 'custom';
const WEEK = 7 * 86_400_000;

export function DateRangeSelect({
  value,
  onChange,
  allowAny = false,
  size = 'sm',
  longestDays,
}: {
  value: DateRange | null;
  onChange: (range: DateRange | null) => void;
  allowAny?: boolean;
  size?: 'xs' | 'sm';
  /** The most days a custom range may span, where the data behind is limited (the dashboard's charts). */
  longestDays?: number;
}) {
  const selected = value === null ? ANY : 'preset' in value ? value.preset : CUSTOM;
  const choose = (choice: string | null) => {
    if (choice === ANY || choice === null) return onChange(allowAny ? null : { preset: '30d' });
    if (choice === CUSTOM) {
      const now = new Date();
      return onChange({ fromDay: dayOf(new Date(now.getTime() - WEEK)), toDay: dayOf(now) });
    }
    const preset = RANGE_PRESETS.find((p) => p.value === choice);
    if (preset) onChange({ preset: preset.value });
  };
  const problem = value === null ? null : rangeProblem(value, longestDays);
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <Select
        label="Date range"
        size={size}
        w={160}
        allowDeselect={false}
        data={[
          ...(allowAny ? [{ value: ANY, label: 'Any time' }] : []),
          ...RANGE_PRESETS.map((p) => ({ value: p.value, label: p.label })),
          { value: CUSTOM, label: 'Custom range' },
        ]}
        value={selected}
        onChange={choose}
      />
      {value !== null && 'fromDay' in value && (
        <>
          <TextInput
            type="date"
            label="From"
            size={size}
            value={value.fromDay}
            max={value.toDay}
            onChange={(e) => onChange({ ...value, fromDay: e.currentTarget.value })}
            error={problem?.field === 'from' ? problem.message : undefined}
          />
          <TextInput
            type="date"
            label="To"
            size={size}
            value={value.toDay}
            min={value.fromDay}
            onChange={(e) => onChange({ ...value, toDay: e.currentTarget.value })}
            error={problem?.field === 'to' ? problem.message : undefined}
          />
        </>
      )}
    </Group>
  );
}
