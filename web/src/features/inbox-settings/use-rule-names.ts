/** Names for what routing rules refer to by id or key: teams, members, channels, networks, priorities. */
import { useMemo } from 'react';
import { useChannels } from '../channels/api';
import { NETWORK_META } from '../channels/networks';
import { PRIORITY_LABELS } from '../inbox/labels';
import { useMembers } from '../members/api';
import { useTeams } from '../teams/api';
import type { RuleNames } from './rule-draft';

/** A team, member or channel removed since the rule was written is named as gone: the server skips those actions. */
export function useRuleNames(): RuleNames {
  const teams = useTeams();
  const channels = useChannels();
  const members = useMembers();
  return useMemo(() => {
    const teamNames = new Map((teams.data ?? []).map((team) => [team.id, team.name]));
    const channelNames = new Map((channels.data ?? []).map((channel) => [channel.id, channel.name]));
    const memberNames = new Map((members.data ?? []).map((member) => [member.id, member.name]));
    return {
      network: (key) => (Object.hasOwn(NETWORK_META, key) ? NETWORK_META[key as keyof typeof NETWORK_META].label : key),
      channel: (id) => channelNames.get(id) ?? 'a removed channel',
      team: (id) => teamNames.get(id) ?? 'a removed team',
      member: (id) => memberNames.get(id) ?? 'a removed member',
      priority: (priority) => PRIORITY_LABELS[priority],
    };
  }, [teams.data, channels.data, members.data]);
}
