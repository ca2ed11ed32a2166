/** Server state for listening: saved queries, the mention stream, actions, analytics and alerts. */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { api, query, type QueryParams } from '../../lib/api';
import type { List, Page } from '../../lib/types';
import type {
  Alert,
  AlertFiring,
  AlertInput,
  ChartTable,
  IntentCorrection,
  Mention,
  MentionActionInfo,
  MentionActionResult,
  MentionedPost,
  PostCount,
  QueryCheck,
  QueryPreview,
  Relevance,
  SavedQuery,
  SavedQueryInput,
  StreamQuery,
} from './types';

const POST_PAGE = 50;
/** The API's limit for one bulk change of mentions. */
const MAX_BULK = 500;

/** One key per form: a retried save is stored once, a second form makes a second record. */
const idempotencyHeader = (key: string | undefined): Record<string, string> => (key ? { 'idempotency-key': key } : {});

export const listeningKeys = {
  queries: ['listening', 'queries'] as const,
  query: (id: string) => ['listening', 'queries', 'one', id] as const,
  check: (text: string) => ['listening', 'check', text] as const,
  preview: (text: string) => ['listening', 'preview', text] as const,
  mentions: ['listening', 'mentions'] as const,
  /** The stream's filters hold the date range as chosen (a preset), not as timestamps, so the key stays put. */
  postList: (filters: object) => ['listening', 'mentions', 'posts', filters] as const,
  postCount: (filters: object) => ['listening', 'mentions', 'count', filters] as const,
  actions: ['listening', 'actions'] as const,
  chart: (chart: string, params: object) => ['listening', 'analytics', chart, params] as const,
  alerts: ['listening', 'alerts'] as const,
  history: ['listening', 'alerts', 'history'] as const,
};

/** Every saved query (a workspace has tens, not thousands): the pages are read to the end. */
async function allSavedQueries(signal: AbortSignal): Promise<SavedQuery[]> {
  const queries: SavedQuery[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<SavedQuery> = await api<Page<SavedQuery>>(`/listening/queries${query({ limit: 500, cursor })}`, { signal });
    queries.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return queries;
}

export function useSavedQueries() {
  return useQuery({ queryKey: listeningKeys.queries, queryFn: ({ signal }) => allSavedQueries(signal) });
}

export function useSavedQuery(id: string | undefined) {
  return useQuery({
    queryKey: listeningKeys.query(id ?? ''),
    queryFn: ({ signal }) => api<SavedQuery>(`/listening/queries/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

function useRefreshQueries() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: listeningKeys.queries });
    void client.invalidateQueries({ queryKey: listeningKeys.mentions });
  };
}

export function useSaveQuery() {
  const refresh = useRefreshQueries();
  return useMutation({
    mutationFn: ({ id, input, idempotencyKey }: { id?: string; input: Partial<SavedQueryInput>; idempotencyKey?: string }) =>
      id
        ? api<SavedQuery>(`/listening/queries/${id}`, { method: 'PATCH', body: input })
        : api<SavedQuery>('/listening/queries', { method: 'POST', body: input, headers: idempotencyHeader(idempotencyKey) }),
    onSuccess: refresh,
  });
}

export function useDeleteQuery() {
  const refresh = useRefreshQueries();
  return useMutation({ mutationFn: (id: string) => api<void>(`/listening/queries/${id}`, { method: 'DELETE' }), onSuccess: refresh });
}

/** The check of the text as last typed; the previous result stays on screen while the next one loads. */
export function useQueryCheck(text: string) {
  return useQuery({
    queryKey: listeningKeys.check(text),
    queryFn: ({ signal }) => api<QueryCheck>('/listening/queries/check', { method: 'POST', body: { query: text }, signal }),
    enabled: text.trim() !== '',
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

export function useQueryPreview(text: string) {
  return useQuery({
    queryKey: listeningKeys.preview(text),
    queryFn: ({ signal }) => api<QueryPreview>('/listening/preview', { method: 'POST', body: { query: text }, signal }),
    enabled: text.trim() !== '',
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function fetchPosts(filters: StreamQuery, cursor: string | undefined, signal?: AbortSignal, limit = POST_PAGE) {
  return api<Page<MentionedPost>>(`/listening/posts${query({ ...(filters as QueryParams), limit, cursor })}`, { signal });
}

/** `key` identifies the filters as chosen; `resolve` turns them into the API's query when a page is fetched. */
export function usePosts(key: object, resolve: () => StreamQuery) {
  return useInfiniteQuery({
    queryKey: listeningKeys.postList(key),
    queryFn: ({ pageParam, signal }) => fetchPosts(resolve(), pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** How many posts the stream holds: fetched once per choice of filters, not with every page. */
export function usePostCount(key: object, resolve: () => StreamQuery) {
  return useQuery({
    queryKey: listeningKeys.postCount(key),
    queryFn: ({ signal }) => api<PostCount>(`/listening/posts/count${query(resolve() as QueryParams)}`, { signal }),
    staleTime: 60_000,
  });
}

/** The CSV of the stream's posts with these filters (the newest 50,000 at most). */
export function postExportPath(filters: StreamQuery): string {
  return `/listening/posts/export${query(filters as QueryParams)}`;
}

type PostPages = InfiniteData<Page<MentionedPost>, string | undefined>;

/** Changes the mentions on screen that `matches` picks, in every stream the cache holds. */
function useUpdateCachedMentions() {
  const client = useQueryClient();
  return (matches: (m: Pick<Mention, 'id'>) => boolean, change: Partial<Mention>) =>
    client.setQueriesData<PostPages>({ queryKey: [...listeningKeys.mentions, 'posts'] }, (data) =>
      data
        ? {
            ...data,
            pages: data.pages.map((page) => ({
              ...page,
              data: page.data.map((post) =>
                post.mentions.some(matches)
                  ? { ...post, mentions: post.mentions.map((m) => (matches(m) ? { ...m, ...change } : m)) }
                  : post,
              ),
            })),
          }
        : data,
    );
}

/** Marks mentions, a post's several at once: more than the API takes in one change go in as many as needed. */
async function markMentions(ids: string[], relevance: Relevance): Promise<{ updated: number }> {
  if (ids.length === 1) {
    await api<Mention>(`/listening/mentions/${ids[0]}`, { method: 'PATCH', body: { relevance } });
    return { updated: 1 };
  }
  let updated = 0;
  for (let start = 0; start < ids.length; start += MAX_BULK) {
    const chunk = ids.slice(start, start + MAX_BULK);
    updated += (await api<{ updated: number }>('/listening/mentions/bulk', { method: 'POST', body: { ids: chunk, relevance } })).updated;
  }
  return { updated };
}

export function useMarkRelevance() {
  const update = useUpdateCachedMentions();
  return useMutation({
    mutationFn: ({ ids, relevance }: { ids: string[]; relevance: Relevance }) => markMentions(ids, relevance),
    onSuccess: (_result, { ids, relevance }) => {
      const marked = new Set(ids);
      update((m) => marked.has(m.id), { relevance });
    },
  });
}

export function useCorrectIntent() {
  const update = useUpdateCachedMentions();
  return useMutation({
    mutationFn: (input: { messageId: string; mentionId: string; intent: string }) =>
      api<IntentCorrection>('/listening/intent-corrections', { method: 'POST', body: input }),
    onSuccess: ({ mentionIds, intent }) => {
      const changed = new Set(mentionIds);
      update((m) => changed.has(m.id), { intent });
    },
  });
}

export function useMentionActions() {
  return useQuery({
    queryKey: listeningKeys.actions,
    queryFn: async ({ signal }) => (await api<List<MentionActionInfo>>('/listening/actions', { signal })).data,
    staleTime: Infinity,
  });
}

export function useRunMentionAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ mentionId, action, teamId }: { mentionId: string; action: string; teamId?: string }) =>
      api<MentionActionResult>(`/listening/mentions/${mentionId}/actions/${action}`, { method: 'POST', body: teamId ? { teamId } : {} }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: listeningKeys.mentions });
      void client.invalidateQueries({ queryKey: ['conversations'] });
      void client.invalidateQueries({ queryKey: ['contacts'] });
    },
  });
}

export type ChartName = 'volume' | 'share-of-voice' | 'breakdown' | 'top';

export function chartPath(chart: ChartName, params: QueryParams): string {
  return `/listening/analytics/${chart}${query(params)}`;
}

/** `key` is the chart's parameters as chosen; `resolve` gives the API's (with timestamps) at fetch time. */
export function useChart<Chart = ChartTable>(chart: ChartName, key: object, resolve: () => QueryParams | null) {
  return useQuery({
    queryKey: listeningKeys.chart(chart, key),
    queryFn: ({ signal }) => api<Chart>(chartPath(chart, resolve() ?? {}), { signal }),
    enabled: resolve() !== null,
    placeholderData: keepPreviousData,
  });
}

export function useAlerts() {
  return useQuery({
    queryKey: listeningKeys.alerts,
    queryFn: async ({ signal }) => (await api<List<Alert>>('/listening/alerts', { signal })).data,
  });
}

export function useAlertHistory() {
  return useQuery({
    queryKey: listeningKeys.history,
    queryFn: async ({ signal }) => (await api<List<AlertFiring>>(`/listening/alerts/history${query({ limit: 100 })}`, { signal })).data,
  });
}

function useRefreshAlerts() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: listeningKeys.alerts });
}

export function useSaveAlert() {
  const refresh = useRefreshAlerts();
  return useMutation({
    mutationFn: ({ id, input, idempotencyKey }: { id?: string; input: Partial<AlertInput>; idempotencyKey?: string }) =>
      id
        ? api<Alert>(`/listening/alerts/${id}`, { method: 'PATCH', body: input })
        : api<Alert>('/listening/alerts', { method: 'POST', body: input, headers: idempotencyHeader(idempotencyKey) }),
    onSuccess: refresh,
  });
}

export function useDeleteAlert() {
  const refresh = useRefreshAlerts();
  return useMutation({ mutationFn: (id: string) => api<void>(`/listening/alerts/${id}`, { method: 'DELETE' }), onSuccess: refresh });
}

export function useCheckAlert() {
  const refresh = useRefreshAlerts();
  return useMutation({
    mutationFn: (id: string) =>
      api<{ fired: boolean; firing: AlertFiring | null; awaitingHistoryOf: string[] }>(`/listening/alerts/${id}/check`, { method: 'POST' }),
    onSuccess: refresh,
  });
}
