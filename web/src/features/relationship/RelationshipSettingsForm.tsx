/** The value weights, the monetary field, the tiers and the quiet period; saved together, then rescored. */
import { useState } from 'react';
import { ActionIcon, Button, Fieldset, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconRefresh, IconTrash } from '@tabler/icons-react';
import { formatNumber } from '../../lib/format';
import { FormError } from '../../ui/FormError';
import { fieldErrors, type FieldLabels } from '../../ui/form-problems';
import { notifyFailure } from '../../ui/notify-failure';
import { TEXT_COLORS } from '../../ui/text-colors';
import { useCustomFields } from '../custom-fields/api';
import { useRecomputeScores, useSaveRelationshipSettings } from './api';
import { COMPONENT_HINTS, COMPONENT_LABELS } from './score-format';
import {
  settingsDraft,
  settingsInput,
  settingsProblems,
  sortedTiers,
  tierName,
  tierRule,
  weightShares,
  type SettingsDraft,
} from './settings-draft';
import { VALUE_COMPONENTS, type RelationshipSettings } from './types';
import { reachableClearButton } from '../../ui/clear-button';

const asNumber = (value: string | number, fallback = 0) => (typeof value === 'number' ? value : fallback);
const shareText = (share: number | null) => (share === null ? 'not used: no monetary value field chosen' : `${share}% of the score`);

const LABELS = {
  weights: 'Value score',
  monetaryField: 'Monetary value field',
  tiers: 'Tiers',
  quietDays: 'Quiet after (days)',
} satisfies FieldLabels;

/**
 * The inputs by API path. The tiers are sent highest first (settingsInput), so the server names a
 * tier by its place in that order; `sentAt` gives it for each row. Rows share the label "Tier
 * name": the summary numbers them as they stand.
 */
function labelsOf(sentAt: number[]): FieldLabels {
  return {
    weights: LABELS.weights,
    ...Object.fromEntries(VALUE_COMPONENTS.map((component) => [`weights.${component}`, COMPONENT_LABELS[component]])),
    monetaryField: LABELS.monetaryField,
    tiers: LABELS.tiers,
    ...Object.fromEntries(
      sentAt.flatMap((sent, row) => [
        [`tiers.${sent}.name`, `Tier name ${row + 1}`],
        [`tiers.${sent}.minScore`, `From score ${row + 1}`],
      ]),
    ),
    quietDays: LABELS.quietDays,
  };
}

export function RelationshipSettingsForm({ settings, editable }: { settings: RelationshipSettings; editable: boolean }) {
  const [draft, setDraft] = useState<SettingsDraft>(() => settingsDraft(settings));
  const [submitted, setSubmitted] = useState(false);
  const save = useSaveRelationshipSettings();
  const recompute = useRecomputeScores();
  const numberFields = useCustomFields('contact');
  const sent = sortedTiers(draft.tiers);
  const sentAt = draft.tiers.map((tier) => sent.indexOf(tier));
  const labels = labelsOf(sentAt);
  const server = fieldErrors(save.error, labels);
  const local = submitted ? settingsProblems(draft) : {};
  const problems = { ...local, ...server };
  const tierProblem = (row: number, part: 'name' | 'minScore') => server[`tiers.${sentAt[row]}.${part}`] ?? local[`tiers.${row}.${part}`];
  const shares = weightShares(draft.weights, draft.monetaryField);
  const monetaryOptions = (numberFields.data ?? []).filter((f) => f.type === 'number').map((f) => ({ value: f.key, label: f.label }));

  const submit = () => {
    setSubmitted(true);
    if (Object.keys(settingsProblems(draft)).length > 0) return;
    save.mutate(settingsInput(draft), {
      onSuccess: () => notifications.show({ message: 'Relationship settings saved; contacts are being rescored' }),
    });
  };

  return (
    <Stack
      component="form"
      gap="lg"
      maw={760}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      aria-label="Relationship settings"
    >
      <Fieldset legend={LABELS.weights} disabled={!editable}>
        <Text size="sm" c="dimmed" mb="sm">
          A contact’s value (0–100) mixes these parts by weight; a weight of 0 leaves a part out.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {VALUE_COMPONENTS.map((component) => (
            <NumberInput
              key={component}
              label={COMPONENT_LABELS[component]}
              description={`${COMPONENT_HINTS[component]} · ${shareText(shares[component])}`}
              min={0}
              max={100}
              clampBehavior="strict"
              allowDecimal={false}
              value={draft.weights[component]}
              onChange={(value) => setDraft({ ...draft, weights: { ...draft.weights, [component]: asNumber(value) } })}
              error={problems[`weights.${component}`]}
            />
          ))}
          <Select
            label={LABELS.monetaryField}
            description="A number field on contacts, such as lifetime revenue"
            placeholder="Not used"
            data={monetaryOptions}
            value={draft.monetaryField}
            onChange={(monetaryField) => setDraft({ ...draft, monetaryField })}
            clearable
            allowDeselect={false}
            clearButtonProps={reachableClearButton('Clear monetary value field')}
            error={problems.monetaryField}
            nothingFoundMessage="No number fields on contacts"
          />
        </SimpleGrid>
        {problems.weights && (
          <Text size="sm" c={TEXT_COLORS.danger} mt="xs" role="alert">
            {problems.weights}
          </Text>
        )}
      </Fieldset>

      <Fieldset legend={LABELS.tiers} disabled={!editable}>
        <Text size="sm" c="dimmed" mb="sm">
          {tierRule(draft)} Routing rules and SLA targets refer to tiers by name.
        </Text>
        <Stack gap="xs">
          {draft.tiers.map((tier, index) => (
            <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
              <TextInput
                label="Tier name"
                value={tier.name}
                onChange={(event) =>
                  setDraft({
                    ...draft,
                    tiers: draft.tiers.map((t, i) => (i === index ? { ...t, name: tierName(event.currentTarget.value) } : t)),
                  })
                }
                error={tierProblem(index, 'name')}
                style={{ flex: 1 }}
              />
              <NumberInput
                label="From score"
                min={0}
                max={100}
                clampBehavior="strict"
                allowDecimal={false}
                value={tier.minScore}
                onChange={(value) =>
                  setDraft({ ...draft, tiers: draft.tiers.map((t, i) => (i === index ? { ...t, minScore: asNumber(value) } : t)) })
                }
                error={tierProblem(index, 'minScore')}
                w={130}
              />
              {editable && (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="lg"
                  mt={25}
                  aria-label={`Remove tier ${tier.name || index + 1}`}
                  onClick={() => setDraft({ ...draft, tiers: draft.tiers.filter((_, i) => i !== index) })}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              )}
            </Group>
          ))}
          {problems.tiers && (
            <Text size="sm" c={TEXT_COLORS.danger} role="alert">
              {problems.tiers}
            </Text>
          )}
          {editable && draft.tiers.length < 10 && (
            <div>
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconPlus size={14} />}
                onClick={() => setDraft({ ...draft, tiers: [...draft.tiers, { name: '', minScore: 0 }] })}
              >
                Add tier
              </Button>
            </div>
          )}
        </Stack>
      </Fieldset>

      <Fieldset legend="Health" disabled={!editable}>
        <NumberInput
          label={LABELS.quietDays}
          description="Health drops when there was no interaction for this long"
          min={1}
          max={3650}
          clampBehavior="strict"
          allowDecimal={false}
          value={draft.quietDays}
          onChange={(value) => setDraft({ ...draft, quietDays: asNumber(value, 1) })}
          error={problems.quietDays}
          w={260}
        />
      </Fieldset>

      <FormError error={save.error} labels={labels} />
      {editable && (
        <Paper withBorder p="sm">
          <Group justify="space-between" gap="sm">
            <Button
              variant="default"
              leftSection={<IconRefresh size={16} />}
              loading={recompute.isPending}
              onClick={() =>
                recompute.mutate(undefined, {
                  onSuccess: (result) => notifications.show({ message: `${formatNumber(result.contacts)} contacts rescored` }),
                  onError: (error) => notifyFailure('Could not rescore', error),
                })
              }
            >
              Recompute now
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save settings
            </Button>
          </Group>
        </Paper>
      )}
    </Stack>
  );
}
