/** Birthdays, anniversaries and renewals coming up, each with a link to its contact. */
import { Anchor, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCake, IconCalendarHeart, IconRefresh, IconStar } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatDay, formatDaysAway } from '../../lib/format';
import type { UpcomingDate } from './types';
import { TEXT_COLORS } from '../../ui/text-colors';

/** "turns 42" for a birthday whose year is known (not a placeholder like 1900 or 0004). */
function turning(d: UpcomingDate): string | null {
  if (d.kind !== 'birthday') return null;
  const born = Number(d.date.slice(0, 4));
  const age = Number(d.nextOccurrence.slice(0, 4)) - born;
  return born > 1900 && age > 0 && age < 130 ? `turns ${age}` : null;
}

const ICONS: Record<string, typeof IconCake> = { birthday: IconCake, anniversary: IconCalendarHeart, renewal: IconRefresh };

export function UpcomingDates({ dates }: { dates: UpcomingDate[] }) {
  return (
    <Card withBorder component="section" aria-labelledby="dates-heading">
      <Title order={2} size="h4" id="dates-heading" mb="xs">
        Dates coming up
      </Title>
      {dates.length === 0 ? (
        <Text size="sm" c="dimmed">
          No birthdays, anniversaries or renewals in the coming weeks.
        </Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {dates.map((d) => {
            const Icon = ICONS[d.kind] ?? IconStar;
            return (
              <Group component="li" key={`${d.contactId}-${d.kind}-${d.date}`} wrap="nowrap" gap="sm" align="flex-start">
                <ThemeIcon variant="light" color={d.daysAway === 0 ? 'pink' : 'gray'} radius="xl" aria-hidden>
                  <Icon size={16} />
                </ThemeIcon>
                <div style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/contacts/${d.contactId}`} size="sm" fw={500}>
                    {d.contactName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {[d.label || d.kind, turning(d), formatDay(d.nextOccurrence)].filter(Boolean).join(' · ')} ·{' '}
                    <Text span inherit fw={d.daysAway <= 1 ? 700 : undefined} c={d.daysAway === 0 ? TEXT_COLORS.highlight : undefined}>
                      {formatDaysAway(d.daysAway)}
                    </Text>
                  </Text>
                </div>
              </Group>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}
