/** Server state for identity resolution: linked identities, the duplicate queue, merges. */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { List, Page } from '../../lib/types';
import type {
  ContactMerge,
  DuplicateCandidate,
  DuplicateKind,
  DuplicateStatus,
  IdentityOption,
  IdentitySettings,
  IdentitySettingsInput,
  LinkedIdentity,
  MergeInput,
  MergePreview,
  ResolveSummary,
  UnmergeResult,
} from './types';

const DUPLICATE_PAGE = 50;

export const identityKeys = {
  identities: (contactId: string) => ['identity', 'contact', contactId] as const,
  options: (q: string) => ['identity', 'options', q] as const,
  duplicates: ['duplicates'] as const,
  duplicateList: (status: DuplicateStatus, kind: DuplicateKind | null) => ['duplicates', 'list', status, kind] as const,
  duplicate: (id: string) => ['duplicates', 'one', id] as const,
  ofIdentity: (identityId: string) => ['duplicates', 'identity', identityId] as const,
  ofContact: (contactId: string) => ['duplicates', 'contact', contactId] as const,
  openCount: ['duplicates', 'count', 'open'] as const,
  previews: ['merges', 'preview'] as const,
  preview: (survivorId: string, mergedId: string) => ['merges', 'preview', survivorId, mergedId] as const,
  merges: (contactId: string) => ['merges', 'contact', contactId] as const,
  settings: ['identity-settings'] as const,
};

export function useContactIdentities(contactId: string) {
  return useQuery({
    queryKey: identityKeys.identities(contactId),
    queryFn: ({ signal }) => api<List<LinkedIdentity>>(`/contacts/${contactId}/identities`, { signal }),
  });
}

/** Identities not linked to any contact yet, matching what the user typed. */
export function useUnlinkedIdentities(q: string, enabled: boolean) {
  return useQuery({
    queryKey: identityKeys.options(q),
    queryFn: ({ signal }) => api<Page<IdentityOption>>(`/identities${query({ linked: false, q, limit: 20 })}`, { signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** A link moves the identity's conversations and mentions, so the 360 views refresh too. */
function refreshContact360(client: QueryClient) {
  void client.invalidateQueries({ queryKey: ['identity'] });
  void client.invalidateQueries({ queryKey: ['timeline'] });
  void client.invalidateQueries({ queryKey: ['relationship'] });
  void client.invalidateQueries({ queryKey: identityKeys.duplicates });
}

function useRefreshContact360() {
  const client = useQueryClient();
  return () => refreshContact360(client);
}

/** Makes a contact of an author not linked to one (the panel of their conversation shows it at once). */
export function useAddIdentityAsContact() {
  const refresh = useRefreshContact360();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (identityId: string) =>
      api<{ contact: { id: string; displayName: string }; created: boolean }>(`/identities/${identityId}/contact`, { method: 'POST' }),
    onSuccess: () => {
      refresh();
      void client.invalidateQueries({ queryKey: ['conversations'] });
      void client.invalidateQueries({ queryKey: ['contacts'] });
    },
  });
}

export function useLinkIdentity(contactId: string) {
  const refresh = useRefreshContact360();
  return useMutation({
    mutationFn: (identityId: string) => api<LinkedIdentity>(`/contacts/${contactId}/identities`, { method: 'POST', body: { identityId } }),
    onSuccess: refresh,
  });
}

export function useUnlinkIdentity(contactId: string) {
  const refresh = useRefreshContact360();
  return useMutation({
    mutationFn: (identityId: string) => api<void>(`/contacts/${contactId}/identities/${identityId}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}

export function useDuplicates(status: DuplicateStatus, kind: DuplicateKind | null) {
  return useInfiniteQuery({
    queryKey: identityKeys.duplicateList(status, kind),
    queryFn: ({ pageParam, signal }) =>
      api<Page<DuplicateCandidate>>(`/duplicates${query({ status, kind, limit: DUPLICATE_PAGE, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** The open pairs of one identity: the contacts it may be, strongest first. */
export function useIdentitySuggestions(identityId: string) {
  return useQuery({
    queryKey: identityKeys.ofIdentity(identityId),
    queryFn: ({ signal }) => api<Page<DuplicateCandidate>>(`/duplicates${query({ identityId, status: 'open', limit: 3 })}`, { signal }),
  });
}

/** The open pairs a contact is in: who else it may be. */
export function useContactDuplicates(contactId: string) {
  return useQuery({
    queryKey: identityKeys.ofContact(contactId),
    queryFn: ({ signal }) => api<Page<DuplicateCandidate>>(`/duplicates${query({ contactId, status: 'open', limit: 5 })}`, { signal }),
  });
}

export function useDuplicate(id: string | null) {
  return useQuery({
    queryKey: identityKeys.duplicate(id ?? ''),
    queryFn: ({ signal }) => api<DuplicateCandidate>(`/duplicates/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useOpenDuplicateCount() {
  return useQuery({
    queryKey: identityKeys.openCount,
    queryFn: ({ signal }) => api<{ count: number }>(`/duplicates/count${query({ status: 'open' })}`, { signal }),
    select: (result) => result.count,
    staleTime: 30_000,
  });
}

export function useDismissDuplicate() {
  const refresh = useRefreshContact360();
  return useMutation({
    mutationFn: (id: string) => api<DuplicateCandidate>(`/duplicates/${id}/dismiss`, { method: 'POST' }),
    onSuccess: refresh,
  });
}

export function useLinkDuplicate() {
  const refresh = useRefreshContact360();
  return useMutation({
    mutationFn: (id: string) => api<DuplicateCandidate>(`/duplicates/${id}/link`, { method: 'POST' }),
    onSuccess: refresh,
  });
}

/** The full pass: rebuilds the model and the queue, so every duplicate view reloads. */
export function useFindDuplicates() {
  const refresh = useRefreshContact360();
  return useMutation({
    mutationFn: () => api<ResolveSummary>('/identity/resolve', { method: 'POST' }),
    onSuccess: refresh,
  });
}

export function useMergePreview(survivorId: string | null, mergedId: string | null) {
  return useQuery({
    queryKey: identityKeys.preview(survivorId ?? '', mergedId ?? ''),
    queryFn: ({ signal }) => api<MergePreview>(`/contacts/merge-preview${query({ survivorId, mergedId })}`, { signal }),
    // No previous data while the sides swap: the old preview's radios would record picks for the wrong sides.
    enabled: Boolean(survivorId && mergedId),
  });
}

/**
 * Merging and unmerging move history between contacts: everything about contacts reloads. A merged
 * contact is deleted, so the merge previews naming it are dropped, not asked for again (the review
 * still on screen would refetch its own, and get a 404).
 */
export function refreshAfterMerge(client: QueryClient, deletedId: string | null) {
  if (deletedId) client.removeQueries({ queryKey: identityKeys.previews, predicate: ({ queryKey }) => queryKey.includes(deletedId) });
  refreshContact360(client);
  void client.invalidateQueries({ queryKey: ['contacts'] });
  void client.invalidateQueries({ queryKey: ['merges'] });
}

export function useMergeContacts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MergeInput) => api<ContactMerge>('/contacts/merge', { method: 'POST', body: input }),
    onSuccess: (merge) => refreshAfterMerge(client, merge.mergedId),
  });
}

export function useContactMerges(contactId: string) {
  return useQuery({
    queryKey: identityKeys.merges(contactId),
    queryFn: ({ signal }) => api<List<ContactMerge>>(`/contacts/${contactId}/merges`, { signal }),
  });
}

export function useUnmerge() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (mergeId: string) => api<UnmergeResult>(`/merges/${mergeId}/unmerge`, { method: 'POST' }),
    onSuccess: () => refreshAfterMerge(client, null),
  });
}

export function useIdentitySettings() {
  return useQuery({ queryKey: identityKeys.settings, queryFn: ({ signal }) => api<IdentitySettings>('/identity/settings', { signal }) });
}

export function useSaveIdentitySettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: IdentitySettingsInput) => api<IdentitySettings>('/identity/settings', { method: 'PUT', body: input }),
    onSuccess: (settings) => client.setQueryData(identityKeys.settings, settings),
  });
}
