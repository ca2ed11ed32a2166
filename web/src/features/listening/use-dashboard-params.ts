/**
 * The dashboard's choices (which queries, which dates) kept in the URL so that a dashboard can be
 * bookmarked and shared. Charts key their data by the choices and resolve them to timestamps only
 * when they fetch, so a preset keeps meaning "the last 7 days".
 */
import { useCallback, useMemo } from 'react';
import type { QueryParams } from '../../lib/api';
import { useListParams } from '../../lib/use-list-params';
import { chartPath, type ChartName } from './api';
import {
  LONGEST_CHART_RANGE_DAYS,
  rangeFromParams,
  rangeProblem,
  rangeToParams,
  resolveRange,
  type DateRange,
  type RangeProblem,
} from './date-range';
import { parseScope, scopeParams, scopeValue, type QueryScope } from './query-scope';

const SPEC = { scope: 'one', range: 'one', from: 'one', to: 'one' } as const;
const DEFAULTS = {};
const DEFAULT_RANGE: DateRange = { preset: '30d' };

export interface DashboardParams {
  scope: QueryScope;
  range: DateRange;
  /** Why the charts cannot be drawn for the range chosen (in the form, or in a URL), or null. */
  problem: RangeProblem | null;
  /** Identifies the choices in chart query keys. */
  key: { scope: string; range: DateRange };
  /** The API parameters for a chart (with `extra`), or null while the range has a problem. */
  resolve: (extra?: QueryParams) => QueryParams | null;
  csvPath: (chart: ChartName, extra?: QueryParams) => () => string | null;
  setScope: (scope: QueryScope) => void;
  setRange: (range: DateRange | null) => void;
}

export function useDashboardParams(): DashboardParams {
  const { values, change } = useListParams(SPEC, DEFAULTS);
  const scope = useMemo(() => parseScope(values.scope), [values.scope]);
  const range = useMemo(
    () => rangeFromParams({ range: values.range, from: values.from, to: values.to }, DEFAULT_RANGE) ?? DEFAULT_RANGE,
    [values.range, values.from, values.to],
  );
  const problem = useMemo(() => rangeProblem(range, LONGEST_CHART_RANGE_DAYS), [range]);
  const key = useMemo(() => ({ scope: scopeValue(scope), range }), [scope, range]);
  const resolve = useCallback(
    (extra: QueryParams = {}) => {
      const dates = problem ? null : resolveRange(range);
      return dates ? { ...scopeParams(scope), ...dates, ...extra } : null;
    },
    [scope, range, problem],
  );
  const csvPath = useCallback(
    (chart: ChartName, extra: QueryParams = {}) =>
      () => {
        const params = resolve({ ...extra, format: 'csv' });
        return params ? chartPath(chart, params) : null;
      },
    [resolve],
  );
  return {
    scope,
    range,
    problem,
    key,
    resolve,
    csvPath,
    setScope: (next) => change({ scope: scopeValue(next) === 'all' ? undefined : scopeValue(next) }),
    setRange: (next) => change(rangeToParams(next ?? DEFAULT_RANGE)),
  };
}
