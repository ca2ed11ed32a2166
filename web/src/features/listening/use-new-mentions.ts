/**
 * Counts posts that arrived live and are not on screen yet, for the "N new mentions" banner. The
 * event names only the query (its data is not relayed to browsers), so on an event for a query this
 * stream shows, the newest page is fetched and its unseen posts counted: the count then respects
 * every filter, and a post two queries matched counts once. Bursts of events cost one fetch per FLUSH_MS.
 */
import { useEffect, useRef, useState } from 'react';
import { useLiveEvent } from '../../lib/live-events';
import { fetchPosts } from './api';
import { scopeIncludes, type QueryScope } from './query-scope';
import type { SavedQuery, StreamQuery } from './types';

const FLUSH_MS = 300;
const MENTIONS_ADDED = 'listening.mentions_added';

export function useNewMentions({
  scope,
  queries,
  resolve,
  shownIds,
  streamKey,
}: {
  scope: QueryScope;
  queries: readonly SavedQuery[];
  resolve: () => StreamQuery;
  /** The posts on screen (their message ids). */
  shownIds: ReadonlySet<string>;
  /** Changes whenever the stream's filters change: the count starts again. */
  streamKey: string;
}) {
  const [unseen, setUnseen] = useState<{ streamKey: string; ids: string[] }>({ streamKey, ids: [] });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ resolve, shownIds, streamKey });
  useEffect(() => {
    latest.current = { resolve, shownIds, streamKey };
  });
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  useLiveEvent((event) => {
    if (event.type !== MENTIONS_ADDED || !scopeIncludes(scope, event.subjectId, queries)) return;
    timer.current ??= setTimeout(() => {
      timer.current = null;
      const { resolve: query, streamKey: key } = latest.current;
      fetchPosts(query(), undefined)
        .then((page) => {
          const { shownIds: shown, streamKey: now } = latest.current;
          if (now !== key) return;
          setUnseen({ streamKey: key, ids: page.data.filter((p) => !shown.has(p.messageId)).map((p) => p.messageId) });
        })
        .catch(() => undefined);
    }, FLUSH_MS);
  });

  // Once the list has loaded them, they are seen: the banner goes without being told.
  return unseen.streamKey === streamKey ? unseen.ids.filter((id) => !shownIds.has(id)).length : 0;
}
