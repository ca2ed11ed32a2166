/** When the SLA clocks run: around the clock, or only in opening hours per weekday in a time zone. */
import { Fieldset, Stack, Switch, Text } from '@mantine/core';
import { TEXT_COLORS } from '../../ui/text-colors';
import { BusinessHoursDay } from './BusinessHoursDay';
import type { SlaDraft } from './sla-draft';
import { TimeZoneSelect } from './TimeZoneSelect';
import { WEEKDAYS, type Weekday } from './types';

export const WEEKDAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export const BUSINESS_HOURS_LABELS = {
  businessHours: 'Business hours',
  timezone: 'Time zone',
  days: 'Opening hours',
};

export function BusinessHoursFieldset({
  draft,
  onChange,
  errors,
  disabled,
}: {
  draft: SlaDraft;
  onChange: (changed: Partial<SlaDraft>) => void;
  /** By the API's path of the field (`businessHours.timezone`, `businessHours.days.mon`). */
  errors: Record<string, string | undefined>;
  disabled: boolean;
}) {
  return (
    <Fieldset legend={BUSINESS_HOURS_LABELS.businessHours} disabled={disabled}>
      <Stack gap="sm">
        <Switch
          label="Count only business hours"
          description="Off: the clocks run around the clock, nights and weekends included"
          checked={draft.businessHoursOn}
          onChange={(event) => onChange({ businessHoursOn: event.currentTarget.checked })}
        />
        {draft.businessHoursOn && (
          <>
            <TimeZoneSelect
              label={BUSINESS_HOURS_LABELS.timezone}
              description="Opening hours are kept in this zone, daylight saving included"
              value={draft.timezone}
              onChange={(timezone) => onChange({ timezone })}
              error={errors['businessHours.timezone']}
              maw={360}
            />
            <Stack gap="xs" role="group" aria-label={BUSINESS_HOURS_LABELS.days}>
              <Text size="sm" fw={500}>
                {BUSINESS_HOURS_LABELS.days}
              </Text>
              <Text size="xs" c="dimmed">
                A day that closes at 00:00 is open until midnight.
              </Text>
              {WEEKDAYS.map((day) => (
                <BusinessHoursDay
                  key={day}
                  name={WEEKDAY_NAMES[day]}
                  day={draft.days[day]}
                  onChange={(changed) => onChange({ days: { ...draft.days, [day]: changed } })}
                  error={errors[`businessHours.days.${day}`]}
                  disabled={disabled}
                />
              ))}
              {errors['businessHours.days'] && (
                <Text size="sm" c={TEXT_COLORS.danger} role="alert">
                  {errors['businessHours.days']}
                </Text>
              )}
            </Stack>
          </>
        )}
        {errors.businessHours && (
          <Text size="sm" c={TEXT_COLORS.danger} role="alert">
            {errors.businessHours}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}
