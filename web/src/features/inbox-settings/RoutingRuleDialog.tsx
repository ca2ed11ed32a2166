/** Creates or edits a routing rule: when it applies (all conditions given must hold) and what it does. */
import { useState } from 'react';
import { Button, Fieldset, Group, MultiSelect, Select, Stack, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import { NETWORKS } from '../../lib/types';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { reachableClearButton } from '../../ui/clear-button';
import { fieldErrors, type FieldLabels } from '../../ui/form-problems';
import { TEXT_COLORS } from '../../ui/text-colors';
import { useChannels } from '../channels/api';
import { NETWORK_META } from '../channels/networks';
import { PRIORITY_LABELS } from '../inbox/labels';
import { PRIORITIES, type Priority } from '../inbox/types';
import { MemberSelect } from '../members/MemberSelect';
import { useRelationshipSettings } from '../relationship/api';
import { useTeams } from '../teams/api';
import { useSaveRoutingRule } from './api';
import { ruleDraft, ruleInput, ruleProblems, type RuleDraft } from './rule-draft';
import type { RoutingRule } from './types';

const LABELS = {
  name: 'Name',
  enabled: 'Rule is on',
  conditions: 'When',
  'conditions.keywords': 'Keywords',
  'conditions.networks': 'Networks',
  'conditions.channelIds': 'Channels',
  'conditions.tiers': 'Customer tiers',
  actions: 'Then',
  'actions.teamId': 'Team',
  'actions.priority': 'Priority',
  'actions.addLabels': 'Add labels',
  'actions.assigneeId': 'Assign to',
} satisfies FieldLabels;

const NETWORK_OPTIONS = NETWORKS.map((network) => ({ value: network, label: NETWORK_META[network].label }));
const PRIORITY_OPTIONS = PRIORITIES.map((priority) => ({ value: priority, label: PRIORITY_LABELS[priority] }));

export function RoutingRuleDialog({ rule, opened, onClose }: { rule?: RoutingRule; opened: boolean; onClose: () => void }) {
  const save = useSaveRoutingRule();
  const teams = useTeams();
  const channels = useChannels();
  const relationship = useRelationshipSettings();
  const [draft, setDraft] = useState<RuleDraft>(() => ruleDraft(rule));
  const [submitted, setSubmitted] = useState(false);
  const change = (changed: Partial<RuleDraft>) => setDraft((current) => ({ ...current, ...changed }));
  const server = fieldErrors(save.error, LABELS);
  const problems: Partial<Record<keyof typeof LABELS, string>> = { ...(submitted ? ruleProblems(draft) : {}), ...server };
  // Tiers a rule names may since have left the relationship settings; they stay choosable to be taken off.
  const tierOptions = [...new Set([...(relationship.data?.tiers.map((tier) => tier.name) ?? []), ...draft.tiers])];
  const dismiss = () => {
    save.reset();
    onClose();
  };
  return (
    <Dialog opened={opened} onClose={dismiss} title={rule ? `Edit rule ${rule.name}` : 'New routing rule'} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setSubmitted(true);
          if (Object.keys(ruleProblems(draft)).length > 0) return;
          save.mutate({ id: rule?.id, ...ruleInput(draft) }, { onSuccess: dismiss });
        }}
      >
        <Stack>
          <FormError error={save.error} labels={LABELS} />
          <TextInput
            label={LABELS.name}
            required
            value={draft.name}
            onChange={(event) => change({ name: event.currentTarget.value })}
            error={problems.name}
            data-autofocus
          />
          <Switch
            label={LABELS.enabled}
            description="A rule that is off is skipped"
            checked={draft.enabled}
            onChange={(event) => change({ enabled: event.currentTarget.checked })}
          />
          <Fieldset legend={LABELS.conditions}>
            <Text size="sm" c="dimmed" mb="xs">
              A new conversation matches when every condition you fill in holds; leave them all empty to match every conversation.
            </Text>
            <Stack gap="sm">
              <TagsInput
                label={LABELS['conditions.keywords']}
                description="Any of these words or phrases in the subject or text (whole words, any case); press Enter after each"
                value={draft.keywords}
                onChange={(keywords) => change({ keywords })}
                error={problems['conditions.keywords']}
              />
              <MultiSelect
                label={LABELS['conditions.networks']}
                placeholder={draft.networks.length ? undefined : 'Any network'}
                data={NETWORK_OPTIONS}
                value={draft.networks}
                onChange={(networks) => change({ networks })}
                error={problems['conditions.networks']}
                searchable
              />
              <MultiSelect
                label={LABELS['conditions.channelIds']}
                placeholder={draft.channelIds.length ? undefined : 'Any channel'}
                data={(channels.data ?? []).map((channel) => ({ value: channel.id, label: channel.name }))}
                value={draft.channelIds}
                onChange={(channelIds) => change({ channelIds })}
                error={problems['conditions.channelIds']}
                searchable
                nothingFoundMessage="No such channel"
              />
              <MultiSelect
                label={LABELS['conditions.tiers']}
                description="The customer’s value tier, from Settings › Relationship"
                placeholder={draft.tiers.length ? undefined : 'Any tier'}
                data={tierOptions}
                value={draft.tiers}
                onChange={(tiers) => change({ tiers })}
                error={problems['conditions.tiers']}
              />
            </Stack>
          </Fieldset>
          <Fieldset legend={LABELS.actions}>
            <Stack gap="sm">
              <Select
                label={LABELS['actions.teamId']}
                description="The team then hands the conversation out as its assignment mode says"
                placeholder="Leave as it is"
                data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
                value={draft.teamId}
                onChange={(teamId) => change({ teamId })}
                error={problems['actions.teamId']}
                clearable
                allowDeselect={false}
                clearButtonProps={reachableClearButton('Clear team')}
              />
              <Select
                label={LABELS['actions.priority']}
                placeholder="Leave as it is"
                data={PRIORITY_OPTIONS}
                value={draft.priority}
                onChange={(priority) => change({ priority: priority as Priority | null })}
                error={problems['actions.priority']}
                clearable
                allowDeselect={false}
                clearButtonProps={reachableClearButton('Clear priority')}
              />
              <TagsInput
                label={LABELS['actions.addLabels']}
                description="Press Enter after each"
                value={draft.addLabels}
                onChange={(addLabels) => change({ addLabels })}
                error={problems['actions.addLabels']}
              />
              <MemberSelect
                label={LABELS['actions.assigneeId']}
                description="A person, rather than the team’s turn"
                placeholder="Nobody in particular"
                value={draft.assigneeId}
                onChange={(assigneeId) => change({ assigneeId })}
                error={problems['actions.assigneeId']}
                clearable
                allowDeselect={false}
              />
              {problems.actions && (
                <Text size="sm" c={TEXT_COLORS.danger} role="alert">
                  {problems.actions}
                </Text>
              )}
            </Stack>
          </Fieldset>
          <Group justify="flex-end">
            <Button variant="default" onClick={dismiss}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {rule ? 'Save rule' : 'Create rule'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
