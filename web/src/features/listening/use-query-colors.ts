/** The colour of each query on the dashboard's charts, from the workspace's queries (see `queryColors`). */
import { useMemo } from 'react';
import { useSavedQueries } from './api';
import { queryColors } from './chart-format';

export function useQueryColors(): (queryId: string) => string {
  const queries = useSavedQueries();
  return useMemo(() => queryColors(queries.data ?? []), [queries.data]);
}
