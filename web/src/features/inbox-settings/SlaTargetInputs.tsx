/** The three SLA targets, each an amount in minutes or hours; empty for no target. */
import { Group, NativeSelect, NumberInput, SimpleGrid } from '@mantine/core';
import { TARGET_UNITS, type TargetDraft, type TargetsDraft, type TargetUnit } from './sla-draft';
import { SLA_TARGETS, type SlaTarget } from './types';

export const TARGET_LABELS: Record<SlaTarget, string> = {
  firstResponseMinutes: 'First response',
  nextResponseMinutes: 'Next response',
  resolutionMinutes: 'Resolution',
};

const TARGET_HINTS: Record<SlaTarget, string> = {
  firstResponseMinutes: 'From the customer’s first message to the first reply',
  nextResponseMinutes: 'From each later customer message to the next reply',
  resolutionMinutes: 'From the first message to resolved',
};

const UNIT_OPTIONS = TARGET_UNITS.map((unit) => ({ value: unit, label: unit }));
const UNIT_WIDTH = 104;

/** `labelOf` names each input; `errors` are by target. */
export function SlaTargetInputs({
  targets,
  onChange,
  labelOf = (target) => TARGET_LABELS[target],
  errors,
  disabled,
}: {
  targets: TargetsDraft;
  onChange: (targets: TargetsDraft) => void;
  labelOf?: (target: SlaTarget) => string;
  errors: Partial<Record<SlaTarget, string>>;
  disabled: boolean;
}) {
  const change = (target: SlaTarget, changed: Partial<TargetDraft>) =>
    onChange({ ...targets, [target]: { ...targets[target], ...changed } });
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
      {SLA_TARGETS.map((target) => (
        <Group key={target} gap={6} align="flex-start" wrap="nowrap">
          <NumberInput
            label={labelOf(target)}
            description={TARGET_HINTS[target]}
            // The hint below the input, so the input is level with the unit beside it.
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            placeholder="No target"
            min={0}
            max={targets[target].unit === 'hours' ? 8760 : 525_600}
            clampBehavior="strict"
            allowDecimal={targets[target].unit === 'hours'}
            decimalScale={2}
            value={targets[target].amount}
            onChange={(amount) => change(target, { amount: typeof amount === 'number' ? amount : '' })}
            error={errors[target]}
            disabled={disabled}
            style={{ flex: 1, minWidth: 0 }}
          />
          <NativeSelect
            // The visible label is shared by the three; each select is named after its target.
            label={<span aria-hidden>Unit</span>}
            aria-label={`${labelOf(target)} unit`}
            data={UNIT_OPTIONS}
            value={targets[target].unit}
            onChange={(event) => change(target, { unit: event.currentTarget.value as TargetUnit })}
            disabled={disabled}
            w={UNIT_WIDTH}
          />
        </Group>
      ))}
    </SimpleGrid>
  );
}
