/** Pure decisions of routing: which rule matches a new conversation, and whose turn it is in a team. */
import type { RoutingRule } from './routing.schema.js';

export interface ConversationFacts {
  network: string;
  channelId: string | null;
  /** Subject and message text, for keyword conditions. */
  text: string;
  /** The value tier of the customer's contact; null when not linked to a contact or not scored yet. */
  tier: string | null;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A keyword matches as a whole word (or phrase), in any case: "refund" matches "Refund!" but not "refunded". */
export function hasKeyword(text: string, keywords: readonly string[]): boolean {
  return keywords.some((keyword) => {
    const trimmed = keyword.trim();
    return trimmed !== '' && new RegExp(`(?<![\\p{L}\\p{N}_])${escape(trimmed)}(?![\\p{L}\\p{N}_])`, 'iu').test(text);
  });
}

export function matches(rule: RoutingRule, facts: ConversationFacts): boolean {
  const { networks, channelIds, keywords, tiers } = rule.conditions;
  if (networks?.length && !(networks as readonly string[]).includes(facts.network)) return false;
  if (channelIds?.length && (!facts.channelId || !channelIds.includes(facts.channelId))) return false;
  if (keywords?.length && !hasKeyword(facts.text, keywords)) return false;
  if (tiers?.length && (!facts.tier || !tiers.includes(facts.tier))) return false;
  return true;
}

/** Rules come ordered; the first that matches wins. */
export function firstMatchingRule(rules: readonly RoutingRule[], facts: ConversationFacts): RoutingRule | null {
  return rules.find((rule) => matches(rule, facts)) ?? null;
}

/** The member after the one who got the last conversation, in a stable order, wrapping around. */
export function nextInTurn(memberIds: readonly string[], lastAssigned: string | null): string | null {
  if (memberIds.length === 0) return null;
  const sorted = [...memberIds].sort();
  return (lastAssigned && sorted.find((id) => id > lastAssigned)) || sorted[0]!;
}

/** The member with the fewest open conversations; ties go to the next in turn after the last assigned. */
export function leastLoaded(loads: readonly { userId: string; open: number }[], lastAssigned: string | null): string | null {
  if (loads.length === 0) return null;
  const fewest = Math.min(...loads.map((l) => l.open));
  return nextInTurn(
    loads.filter((l) => l.open === fewest).map((l) => l.userId),
    lastAssigned,
  );
}
