/** Server state for routing rules, team assignment and the SLA policy. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';
import type { RuleMove } from './rule-order';
import type { AssignmentMode, RoutingRule, RoutingRuleInput, SlaPolicy, SlaPolicyInput, TeamInboxSettings } from './types';

export const inboxSettingsKeys = {
  rules: ['routing-rules'] as const,
  team: (teamId: string) => ['teams', teamId, 'inbox-settings'] as const,
  sla: ['inbox', 'sla-policy'] as const,
};

/** The API's largest page: a workspace with more rules than this is beyond what one list can order by hand. */
const RULES_PAGE = 500;

/** In the order they are tried: by position, then as the server lists equal positions. */
export function useRoutingRules() {
  return useQuery({
    queryKey: inboxSettingsKeys.rules,
    queryFn: ({ signal }) => api<Page<RoutingRule>>(`/routing-rules?limit=${RULES_PAGE}`, { signal }),
    select: (page) => page.data,
  });
}

function useRefreshRules() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: inboxSettingsKeys.rules });
}

export function useSaveRoutingRule() {
  const refresh = useRefreshRules();
  return useMutation({
    mutationFn: ({ id, ...input }: RoutingRuleInput & { id?: string }) =>
      id
        ? api<RoutingRule>(`/routing-rules/${id}`, { method: 'PATCH', body: input })
        : api<RoutingRule>('/routing-rules', { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

export function useSetRuleEnabled() {
  const refresh = useRefreshRules();
  return useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) =>
      api<RoutingRule>(`/routing-rules/${id}`, { method: 'PATCH', body: { enabled } }),
    onSettled: refresh,
  });
}

/**
 * The API has no call that reorders rules at once: each moved rule gets its new position in turn.
 * Refreshed even after a failure, as some positions may have been saved.
 */
export function useMoveRoutingRule() {
  const refresh = useRefreshRules();
  return useMutation({
    mutationFn: async (moves: RuleMove[]) => {
      for (const { id, position } of moves) await api<RoutingRule>(`/routing-rules/${id}`, { method: 'PATCH', body: { position } });
    },
    onSettled: refresh,
  });
}

export function useDeleteRoutingRule() {
  const refresh = useRefreshRules();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/routing-rules/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}

export function useTeamInboxSettings(teamId: string) {
  return useQuery({
    queryKey: inboxSettingsKeys.team(teamId),
    queryFn: ({ signal }) => api<TeamInboxSettings>(`/teams/${teamId}/inbox-settings`, { signal }),
  });
}

export function useSetTeamAssignment(teamId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (assignment: AssignmentMode) =>
      api<TeamInboxSettings>(`/teams/${teamId}/inbox-settings`, { method: 'PUT', body: { assignment } }),
    onSuccess: (settings) => client.setQueryData(inboxSettingsKeys.team(teamId), settings),
  });
}

export function useSlaPolicy() {
  return useQuery({
    queryKey: inboxSettingsKeys.sla,
    queryFn: ({ signal }) => api<SlaPolicy>('/inbox/sla-policy', { signal }),
  });
}

export function useSaveSlaPolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SlaPolicyInput) => api<SlaPolicy>('/inbox/sla-policy', { method: 'PUT', body: input }),
    onSuccess: (policy) => client.setQueryData(inboxSettingsKeys.sla, policy),
  });
}
