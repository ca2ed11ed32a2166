/**
 * The routing rule form: what it holds, the request it sends, and the rule told in a sentence for
 * the list. Empty conditions are left out (none given matches every conversation); a rule must do
 * at least one thing.
 */
import type { Priority } from '../inbox/types';
import type { RoutingRule, RoutingRuleInput } from './types';

export interface RuleDraft {
  name: string;
  enabled: boolean;
  networks: string[];
  channelIds: string[];
  keywords: string[];
  tiers: string[];
  teamId: string | null;
  priority: Priority | null;
  addLabels: string[];
  assigneeId: string | null;
}

export function ruleDraft(rule?: RoutingRule): RuleDraft {
  const { conditions = {}, actions = {} } = rule ?? {};
  return {
    name: rule?.name ?? '',
    enabled: rule?.enabled ?? true,
    networks: conditions.networks ?? [],
    channelIds: conditions.channelIds ?? [],
    keywords: conditions.keywords ?? [],
    tiers: conditions.tiers ?? [],
    teamId: actions.teamId ?? null,
    priority: actions.priority ?? null,
    addLabels: actions.addLabels ?? [],
    assigneeId: actions.assigneeId ?? null,
  };
}

/** Words typed with stray spaces, once each (a keyword of spaces only would match nothing). */
function words(list: readonly string[]): string[] {
  return [...new Set(list.map((word) => word.trim()).filter(Boolean))];
}

const given = <T>(list: T[]) => (list.length > 0 ? list : undefined);

/** Leaves out what is not set: the request, and the check that a rule does something, see only what the rule uses. */
function setOnly<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

/** The body of a create or a change: a change replaces the rule's conditions and actions whole. */
export function ruleInput(draft: RuleDraft): RoutingRuleInput {
  const conditions = setOnly({
    networks: given(draft.networks),
    channelIds: given(draft.channelIds),
    keywords: given(words(draft.keywords)),
    tiers: given(draft.tiers),
  });
  const actions = setOnly({
    teamId: draft.teamId ?? undefined,
    priority: draft.priority ?? undefined,
    addLabels: given(words(draft.addLabels)),
    assigneeId: draft.assigneeId ?? undefined,
  });
  return { name: draft.name.trim(), enabled: draft.enabled, conditions, actions };
}

/** Problems keyed by the API's path of the field, as the server names them; empty when the draft can be sent. */
export function ruleProblems(draft: RuleDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!draft.name.trim()) problems.name = 'Give the rule a name';
  if (Object.keys(ruleInput(draft).actions).length === 0) problems.actions = 'Choose at least one thing the rule does';
  return problems;
}

/** How the list names what a rule refers to by id or key. */
export interface RuleNames {
  network(key: string): string;
  channel(id: string): string;
  team(id: string): string;
  member(id: string): string;
  priority(priority: Priority): string;
}

const quoted = (list: readonly string[]) => list.map((word) => `“${word}”`).join(' or ');

/** "Keywords “refund” or “invoice”; network E-mail", or "Every conversation" when the rule has no condition. */
export function describeConditions({ conditions }: Pick<RoutingRule, 'conditions'>, names: RuleNames): string {
  const parts = [
    conditions.keywords?.length && `${conditions.keywords.length > 1 ? 'keywords' : 'keyword'} ${quoted(conditions.keywords)}`,
    conditions.networks?.length && `network ${conditions.networks.map(names.network).join(' or ')}`,
    conditions.channelIds?.length && `channel ${conditions.channelIds.map(names.channel).join(' or ')}`,
    conditions.tiers?.length && `customer tier ${conditions.tiers.join(' or ')}`,
  ].filter((part): part is string => Boolean(part));
  if (parts.length === 0) return 'Every conversation';
  const sentence = parts.join('; ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** "Team Service, priority High, labels billing, assign to Sky". */
export function describeActions({ actions }: Pick<RoutingRule, 'actions'>, names: RuleNames): string {
  return [
    actions.teamId && `team ${names.team(actions.teamId)}`,
    actions.priority && `priority ${names.priority(actions.priority)}`,
    actions.addLabels?.length && `${actions.addLabels.length > 1 ? 'labels' : 'label'} ${actions.addLabels.join(', ')}`,
    actions.assigneeId && `assign to ${names.member(actions.assigneeId)}`,
  ]
    .filter((part): part is string => Boolean(part))
    .join(', ')
    .replace(/^./, (first) => first.toUpperCase());
}
