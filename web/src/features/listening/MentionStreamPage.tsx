/**
 * The mention stream: the streams (all, a group, a query) on the left, filters on top, and the
 * mentions newest first, loaded page by page, with bulk marking and a banner for live arrivals.
 */
import { useCallback, useMemo, useState } from 'react';
import { Button, Center, Collapse, EmptyState, Group, Loader, Select, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconMessages } from '@tabler/icons-react';
import { useListParams } from '../../lib/use-list-params';
import { LoadMore } from '../../ui/LoadMore';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { usePermissions } from '../auth/permissions';
import { useMentions, useSavedQueries } from './api';
import { MentionBulkBar } from './MentionBulkBar';
import { MentionCard } from './MentionCard';
import { MentionFiltersBar } from './MentionFiltersBar';
import { hasStreamFilters, mentionQueryOf, STREAM_PARAM_SPEC, type StreamParams } from './mention-filters';
import { NewMentionsBanner } from './NewMentionsBanner';
import { parseScope, scopeOptions, scopeValue, type QueryScope } from './query-scope';
import { StreamSidebar } from './StreamSidebar';
import { useNewMentions } from './use-new-mentions';
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
  const list = useMentions(params, resolve);

  const mentions = useMemo(() => list.data?.pages.flatMap((page) => page.data) ?? [], [list.data]);
  const loadedIds = useMemo(() => mentions.map((m) => m.id), [mentions]);
  const shownIds = useMemo(() => new Set(loadedIds), [loadedIds]);
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
          <MentionBulkBar loadedIds={loadedIds} selected={selected} onSelect={setSelected} canWrite={canWrite} />
          <NewMentionsBanner
            count={unseen}
            loading={list.isRefetching}
            onShow={() => {
              window.scrollTo({ top: 0, behavior: 'smooth' });
              void refetch();
            }}
          />
          {list.isError && mentions.length === 0 ? (
            <QueryError title="Could not load mentions" error={list.error} onRetry={() => void refetch()} />
          ) : list.isPending ? (
            <Center p="xl">
              <Loader aria-label="Loading mentions" />
            </Center>
          ) : mentions.length === 0 ? (
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
            <Stack gap="xs" aria-busy={list.isFetching}>
              {mentions.map((mention) => (
                <MentionCard key={mention.id} mention={mention} selected={selected.has(mention.id)} onSelect={select} canWrite={canWrite} />
              ))}
              <LoadMore hasMore={Boolean(hasNextPage)} loading={isFetchingNextPage} onLoadMore={loadMore} label="Load more mentions" />
            </Stack>
          )}
        </Stack>
      </div>
    </>
  );
}
