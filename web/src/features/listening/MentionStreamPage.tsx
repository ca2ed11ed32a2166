/**
 * The mention stream: the streams (all, a group, a query) on the left, a search and filters on top,
 * how many posts match with their CSV, and the posts newest first — a card per post, listing every
 * query of the stream it matched — loaded page by page, with bulk marking, a banner for live
 * arrivals, and keys to move through the cards and mark them.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { Button, Center, Collapse, EmptyState, Group, Loader, Select, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconMessages } from '@tabler/icons-react';
import { useListParams } from '../../lib/use-list-params';
import { LoadMore } from '../../ui/LoadMore';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { SearchInput } from '../../ui/SearchInput';
import { usePermissions } from '../auth/permissions';
import { postExportPath, usePostCount, usePosts, useSavedQueries } from './api';
import { MentionBulkBar } from './MentionBulkBar';
import { MentionCard } from './MentionCard';
import { MentionFiltersBar } from './MentionFiltersBar';
import { hasStreamFilters, MAX_SEARCH, mentionQueryOf, STREAM_PARAM_SPEC, type StreamParams } from './mention-filters';
import { NewMentionsBanner } from './NewMentionsBanner';
import { parseScope, scopeOptions, scopeValue, type QueryScope } from './query-scope';
import { StreamSidebar } from './StreamSidebar';
import { StreamSummary } from './StreamSummary';
import { useNewMentions } from './use-new-mentions';
import { STREAM_SEARCH_ID, useStreamKeys } from './use-stream-keys';
import classes from './MentionStreamPage.module.css';

const NO_DEFAULTS: StreamParams = {};
const NONE: ReadonlySet<string> = new Set();
export function MentionStreamPage() {
  const { values, change } = useListParams(STREAM_PARAM_SPEC, NO_DEFAULTS);
  const params = values as StreamParams;
  const { canWrite } = usePermissions();
  const wide = useMediaQuery('(min-width: 62em)');
  const [filtersOpen, setFiltersOpen] = useState(false);
  const queries = useSavedQueries();
  const scope = parseScope(params.scope);
  const streamKey = JSON.stringify(params);
  const resolve = useCallback(() => mentionQueryOf(params), [params]);
  const list = usePosts(params, resolve);
  const count = usePostCount(params, resolve);

  const posts = useMemo(() => list.data?.pages.flatMap((page) => page.data) ?? [], [list.data]);
  const loadedIds = useMemo(() => posts.map((p) => p.messageId), [posts]);
  const shownIds = useMemo(() => new Set(loadedIds), [loadedIds]);
  const mentionIdsOf = useCallback(
    (messageIds: ReadonlySet<string>) => posts.filter((p) => messageIds.has(p.messageId)).flatMap((p) => p.mentions.map((m) => m.id)),
    [posts],
  );
  const unseen = useNewMentions({ scope, queries: queries.data ?? [], resolve, shownIds, streamKey });

  // A selection belongs to the stream it was made in: other filters start a new one.
  const [selection, setSelection] = useState({ streamKey, ids: NONE });
  const selected = selection.streamKey === streamKey ? selection.ids : NONE;
  const setSelected = (ids: ReadonlySet<string>) => setSelection({ streamKey, ids });
  const select = useCallback(
    (id: string, checked: boolean) =>
      setSelection((current) => {
        const next = new Set(current.streamKey === streamKey ? current.ids : NONE);
        if (checked) next.add(id);
        else next.delete(id);
        return { streamKey, ids: next };
      }),
    [streamKey],
  );
  const { hasNextPage, isFetchingNextPage, fetchNextPage, refetch } = list;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const showScope = (next: QueryScope) => change({ scope: scopeValue(next) === 'all' ? undefined : scopeValue(next) });

  const cardList = useRef<HTMLDivElement>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  useStreamKeys({
    cardList,
    posts,
    canWrite,
    loadMore: () => {
      if (hasNextPage && !isFetchingNextPage) loadMore();
    },
    toggleHelp: () => setHelpOpen((open) => !open),
  });

  return (
    <>
      <PageHeader title="Mentions" description="What the public says about your brand, products and competitors." />
      <div className={classes.layout}>
        {wide && (
          <aside className={classes.sidebar} aria-label="Streams">
            <StreamSidebar queries={queries.data ?? []} scope={scope} onChange={showScope} canWrite={canWrite} />
          </aside>
        )}
        <Stack gap="sm" component="section" aria-label="Mention stream">
          <SearchInput
            id={STREAM_SEARCH_ID}
            aria-label="Search posts"
            placeholder="Search the posts’ words…"
            maxLength={MAX_SEARCH}
            value={params.q ?? ''}
            onSearch={(q) => change({ q: q || undefined })}
          />
          {wide ? (
            <MentionFiltersBar params={params} onChange={change} />
          ) : (
            <>
              <Group gap="xs" align="flex-end" wrap="nowrap">
                <Select
                  label="Stream"
                  data={scopeOptions(queries.data ?? [], 'All mentions')}
                  value={scopeValue(scope)}
                  onChange={(value) => showScope(parseScope(value))}
                  allowDeselect={false}
                  style={{ flex: 1 }}
                />
                <Button
                  variant={hasStreamFilters(params) ? 'light' : 'default'}
                  leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
                  aria-expanded={filtersOpen}
                  onClick={() => setFiltersOpen((open) => !open)}
                >
                  Filters
                </Button>
              </Group>
              <Collapse expanded={filtersOpen}>
                <MentionFiltersBar params={params} onChange={change} />
              </Collapse>
            </>
          )}
          <StreamSummary count={count.data} exportPath={() => postExportPath(resolve())} helpOpen={helpOpen} onHelpChange={setHelpOpen} />
          <MentionBulkBar
            loadedIds={loadedIds}
            selected={selected}
            onSelect={setSelected}
            mentionIdsOf={mentionIdsOf}
            canWrite={canWrite}
          />
          <NewMentionsBanner
            count={unseen}
            loading={list.isRefetching}
            onShow={() => {
              window.scrollTo({ top: 0, behavior: 'smooth' });
              void refetch();
              void count.refetch();
            }}
          />
          {list.isError && posts.length === 0 ? (
            <QueryError title="Could not load mentions" error={list.error} onRetry={() => void refetch()} />
          ) : list.isPending ? (
            <Center p="xl">
              <Loader aria-label="Loading mentions" />
            </Center>
          ) : posts.length === 0 ? (
            <EmptyState
              icon={<IconMessages size={28} />}
              title="No mentions here"
              description={
                (queries.data ?? []).length === 0
                  ? 'Save a query and Rapport matches it against everything it hears, past and future.'
                  : 'Nothing matches this stream and these filters yet.'
              }
            />
          ) : (
            <Stack gap="xs" aria-busy={list.isFetching} ref={cardList}>
              {posts.map((post) => (
                <MentionCard
                  key={post.messageId}
                  post={post}
                  selected={selected.has(post.messageId)}
                  onSelect={select}
                  canWrite={canWrite}
                />
              ))}
              <LoadMore hasMore={Boolean(hasNextPage)} loading={isFetchingNextPage} onLoadMore={loadMore} label="Load more mentions" />
            </Stack>
          )}
        </Stack>
      </div>
    </>
  );
}
