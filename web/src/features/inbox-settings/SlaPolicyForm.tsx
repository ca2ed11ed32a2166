/** The SLA policy: response and resolution targets, targets by tier, and the business hours the clocks count. */
import { useState } from 'react';
import { Button, Fieldset, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { FormError } from '../../ui/FormError';
import { fieldErrors, type FieldLabels } from '../../ui/form-problems';
import { useSaveSlaPolicy } from './api';
import { BUSINESS_HOURS_LABELS, BusinessHoursFieldset, WEEKDAY_NAMES } from './BusinessHoursFieldset';
import { slaDraft, slaInput, type SlaDraft } from './sla-draft';
import { SlaTargetInputs, TARGET_LABELS } from './SlaTargetInputs';
import { TierTargetsFieldset, tierTargetLabel } from './TierTargetsFieldset';
import { browserTimeZone } from './time-zones';
import { SLA_TARGETS, WEEKDAYS, type SlaPolicy } from './types';

/** The inputs by API path, as the server names what it refuses; tier targets by the tiers on the form. */
function labelsOf(draft: SlaDraft): FieldLabels {
  return {
    ...TARGET_LABELS,
    businessHours: BUSINESS_HOURS_LABELS.businessHours,
    'businessHours.timezone': BUSINESS_HOURS_LABELS.timezone,
    'businessHours.days': BUSINESS_HOURS_LABELS.days,
    ...Object.fromEntries(WEEKDAYS.map((day) => [`businessHours.days.${day}`, WEEKDAY_NAMES[day]])),
    tierTargets: 'Targets by customer tier',
    ...Object.fromEntries(
      draft.tierTargets.flatMap(({ tier }) => [
        [`tierTargets.${tier}`, `Tier ${tier}`],
        ...SLA_TARGETS.map((target) => [`tierTargets.${tier}.${target}`, tierTargetLabel(tier, target)]),
      ]),
    ),
  };
}

export function SlaPolicyForm({ policy, tiers, editable }: { policy: SlaPolicy; tiers: string[]; editable: boolean }) {
  const [draft, setDraft] = useState<SlaDraft>(() => slaDraft(policy, browserTimeZone()));
  const save = useSaveSlaPolicy();
  const change = (changed: Partial<SlaDraft>) => setDraft((current) => ({ ...current, ...changed }));
  const labels = labelsOf(draft);
  const errors: Record<string, string | undefined> = fieldErrors(save.error, labels);
  return (
    <Stack
      component="form"
      gap="lg"
      maw={960}
      aria-label="SLA policy"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(slaInput(draft), {
          onSuccess: () => notifications.show({ message: 'SLA policy saved; it applies to conversations from now on' }),
        });
      }}
    >
      <Fieldset legend="Targets" disabled={!editable}>
        <Text size="sm" c="dimmed" mb="sm">
          How soon conversations must be answered and resolved; leave one empty for no target. Overdue conversations are flagged in the
          inbox.
        </Text>
        <SlaTargetInputs targets={draft.targets} onChange={(targets) => change({ targets })} errors={errors} disabled={!editable} />
      </Fieldset>
      <TierTargetsFieldset
        draft={draft}
        tiers={tiers}
        onChange={(tierTargets) => change({ tierTargets })}
        errors={errors}
        disabled={!editable}
      />
      <BusinessHoursFieldset draft={draft} onChange={change} errors={errors} disabled={!editable} />
      <FormError error={save.error} labels={labels} />
      {editable && (
        <Paper withBorder p="sm">
          <Group justify="space-between" gap="sm">
            <Text size="sm" c="dimmed">
              Clocks already running keep their due times.
            </Text>
            <Button type="submit" loading={save.isPending}>
              Save SLA policy
            </Button>
          </Group>
        </Paper>
      )}
    </Stack>
  );
}
