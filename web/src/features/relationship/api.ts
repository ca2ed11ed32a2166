/** Server state for the customer 360: timelines, relationship memory and scores, scoring settings. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { Page } from '../../lib/types';
import type { TimelineSubject } from '../activities/types';
import type { Relationship, RelationshipSettings, RelationshipSettingsInput, TimelineFilters, TimelineItem } from './types';

const TIMELINE_PAGE = 30;

export const relationshipKeys = {
  /** Under "timeline", so logging an activity or ticking a task refreshes it like the old timeline. */
  timeline: (subject: TimelineSubject, filters: TimelineFilters) => ['timeline', '360', subject, filters] as const,
  /** Every contact's relationship: what a change to any timeline may move. */
  relationships: ['relationship', 'contact'] as const,
  relationship: (contactId: string) => ['relationship', 'contact', contactId] as const,
  settings: ['relationship', 'settings'] as const,
};

/** The timeline's address: a contact's own, or a company's (its activities and its contacts' timelines). */
const timelinePath = (subject: TimelineSubject) =>
  subject.contactId ? `/contacts/${subject.contactId}/timeline` : `/companies/${subject.companyId}/timeline`;

export function useCustomerTimeline(subject: TimelineSubject, filters: TimelineFilters) {
  return useInfiniteQuery({
    queryKey: relationshipKeys.timeline(subject, filters),
    queryFn: ({ pageParam, signal }) =>
      api<Page<TimelineItem>>(
        `${timelinePath(subject)}${query({
          kinds: filters.kinds.length > 0 ? filters.kinds.join(',') : undefined,
          network: filters.network,
          limit: TIMELINE_PAGE,
          cursor: pageParam,
        })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/**
 * How often a contact not scored yet is asked again: its first score comes from a job seconds after
 * it is created, and no live event tells of a first score (only of changes).
 */
const UNSCORED_REFETCH_MS = 5_000;

export const refetchWhileUnscored = (relationship: Relationship | undefined): number | false =>
  relationship !== undefined && relationship.score === null ? UNSCORED_REFETCH_MS : false;

export function useRelationship(contactId: string) {
  return useQuery({
    queryKey: relationshipKeys.relationship(contactId),
    queryFn: ({ signal }) => api<Relationship>(`/contacts/${contactId}/relationship`, { signal }),
    refetchInterval: (q) => refetchWhileUnscored(q.state.data),
  });
}

export function useRelationshipSettings() {
  return useQuery({
    queryKey: relationshipKeys.settings,
    queryFn: ({ signal }) => api<RelationshipSettings>('/relationship/settings', { signal }),
  });
}

/**
 * Whether a tier stands out from the crowd: any but the workspace's lowest (where most customers
 * are), so a list can mark the customers the business chose to treat best without marking everyone.
 */
export function useStandsOutTier(): (tier: string | null | undefined) => boolean {
  const settings = useRelationshipSettings();
  const lowest = settings.data?.tiers.at(-1)?.name;
  return (tier) => Boolean(tier && lowest && tier !== lowest);
}

export function useSaveRelationshipSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RelationshipSettingsInput) => api<RelationshipSettings>('/relationship/settings', { method: 'PUT', body: input }),
    onSuccess: (settings) => client.setQueryData(relationshipKeys.settings, settings),
  });
}

/** New scores change tiers and health everywhere they show: lists and contact pages reload. */
export function useRecomputeScores() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ contacts: number; computedAt: string }>('/relationship/recompute', { method: 'POST' }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['relationship'] });
      void client.invalidateQueries({ queryKey: ['contacts'] });
    },
  });
}
