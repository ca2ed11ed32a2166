/** Snoozes a conversation until a chosen moment: a few common ones, or any date and time. */
import { useState } from 'react';
import { Button, Group, Menu, Stack, TextInput } from '@mantine/core';
import { IconClockPause } from '@tabler/icons-react';
import { formatDateTime } from '../../lib/format';
import { fromLocalInput, toLocalInput } from '../../lib/local-time';
import { Dialog } from '../../ui/Dialog';
import { snoozeTimeProblem } from './snooze-time';

function at(daysAhead: number, hour: number): Date {
  const d = new Date();
  d.setDate(d.getDate() + daysAhead);
  d.setHours(hour, 0, 0, 0);
  return d;
}

function presets(): { label: string; until: Date }[] {
  const now = new Date();
  const nextMonday = at((8 - now.getDay()) % 7 || 7, 9);
  return [
    { label: 'In 3 hours', until: new Date(now.getTime() + 3 * 3600_000) },
    { label: 'Tomorrow morning', until: at(1, 9) },
    { label: 'Next week', until: nextMonday },
  ];
}

export function SnoozeMenu({
  snoozedUntil,
  onSnooze,
  disabled,
}: {
  snoozedUntil: string | null;
  onSnooze: (until: string) => void;
  disabled?: boolean;
}) {
  const [picking, setPicking] = useState(false);
  const [value, setValue] = useState('');
  const problem = snoozeTimeProblem(value);
  const until = problem ? null : fromLocalInput(value);
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="xs" variant="default" leftSection={<IconClockPause size={14} />} disabled={disabled}>
            Snooze
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {snoozedUntil && <Menu.Label>Snoozed until {formatDateTime(snoozedUntil)}</Menu.Label>}
          {presets().map((preset) => (
            <Menu.Item
              key={preset.label}
              onClick={() => onSnooze(preset.until.toISOString())}
              rightSection={formatDateTime(preset.until.toISOString())}
            >
              {preset.label}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item
            onClick={() => {
              setValue(toLocalInput(snoozedUntil ?? at(1, 9).toISOString()));
              setPicking(true);
            }}
          >
            Pick a date and time…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Dialog opened={picking} onClose={() => setPicking(false)} title="Snooze until" centered>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!until) return;
            onSnooze(until);
            setPicking(false);
          }}
        >
          <Stack>
            <TextInput
              label="Date and time"
              type="datetime-local"
              value={value}
              onChange={(e) => setValue(e.currentTarget.value)}
              error={problem ?? undefined}
              required
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPicking(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={!until}>
                Snooze
              </Button>
            </Group>
          </Stack>
        </form>
      </Dialog>
    </>
  );
}
