/** Targets of their own for customers of some value tiers (gold answered sooner); other customers get the policy's. */
import { ActionIcon, Fieldset, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { TEXT_COLORS } from '../../ui/text-colors';
import { emptyTargets, type SlaDraft, type TargetsDraft } from './sla-draft';
import { SlaTargetInputs, TARGET_LABELS } from './SlaTargetInputs';
import { SLA_TARGETS, type SlaTarget } from './types';

export const tierTargetLabel = (tier: string, target: SlaTarget) => `${TARGET_LABELS[target]} for ${tier}`;

export function TierTargetsFieldset({
  draft,
  tiers,
  onChange,
  errors,
  disabled,
}: {
  draft: SlaDraft;
  /** The workspace's tier names (Settings › Relationship). */
  tiers: string[];
  onChange: (tierTargets: SlaDraft['tierTargets']) => void;
  /** By the API's path of the field (`tierTargets.gold.firstResponseMinutes`). */
  errors: Record<string, string | undefined>;
  disabled: boolean;
}) {
  const used = new Set(draft.tierTargets.map((entry) => entry.tier));
  const addable = tiers.filter((tier) => !used.has(tier));
  const setTargets = (tier: string, targets: TargetsDraft) =>
    onChange(draft.tierTargets.map((entry) => (entry.tier === tier ? { tier, targets } : entry)));
  return (
    <Fieldset legend="Targets by customer tier" disabled={disabled}>
      <Text size="sm" c="dimmed" mb="sm">
        Customers of a tier listed here get its targets; everyone else gets the targets above. Tiers come from Settings › Relationship.
      </Text>
      <Stack gap="sm">
        {draft.tierTargets.map(({ tier, targets }) => (
          <Paper key={tier} withBorder p="sm">
            <Group justify="space-between" mb="xs">
              <Text fw={600} size="sm">
                Tier {tier}
                {!tiers.includes(tier) && (
                  <Text span size="sm" c="dimmed">
                    {' '}
                    (no longer a tier: nobody gets these)
                  </Text>
                )}
              </Text>
              {!disabled && (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Remove the targets for tier ${tier}`}
                  onClick={() => onChange(draft.tierTargets.filter((entry) => entry.tier !== tier))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              )}
            </Group>
            <SlaTargetInputs
              targets={targets}
              onChange={(changed) => setTargets(tier, changed)}
              labelOf={(target) => tierTargetLabel(tier, target)}
              errors={Object.fromEntries(SLA_TARGETS.map((target) => [target, errors[`tierTargets.${tier}.${target}`]]))}
              disabled={disabled}
            />
            {errors[`tierTargets.${tier}`] && (
              <Text size="sm" c={TEXT_COLORS.danger} role="alert" mt="xs">
                {errors[`tierTargets.${tier}`]}
              </Text>
            )}
          </Paper>
        ))}
        {errors.tierTargets && (
          <Text size="sm" c={TEXT_COLORS.danger} role="alert">
            {errors.tierTargets}
          </Text>
        )}
        {!disabled && addable.length > 0 && (
          <Select
            label="Add targets for a tier"
            placeholder="Choose a tier"
            data={addable}
            value={null}
            onChange={(tier) => tier && onChange([...draft.tierTargets, { tier, targets: emptyTargets() }])}
            maw={360}
          />
        )}
      </Stack>
    </Fieldset>
  );
}
