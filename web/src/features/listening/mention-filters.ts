/**
 * The mention stream's filters as kept in the URL, and their translation into the API's query. A
 * value the API would refuse (edited by hand in the URL) is dropped rather than failing the page.
 */
import { rangeFromParams, resolveRange } from './date-range';
import { parseScope, scopeParams } from './query-scope';
import { RELEVANCES, STREAM_SENTIMENTS, type Relevance, type StreamQuery, type StreamSentiment } from './types';

export const STREAM_PARAM_SPEC = {
  scope: 'one',
  sentiment: 'one',
  intent: 'one',
  network: 'one',
  language: 'one',
  minInfluence: 'one',
  relevance: 'one',
  range: 'one',
  from: 'one',
  to: 'one',
  q: 'typed',
} as const;

export type StreamParams = { [K in keyof typeof STREAM_PARAM_SPEC]?: string };

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined => values.find((v) => v === value);
const matching = (pattern: RegExp, value: string | undefined) => (value && pattern.test(value) ? value : undefined);

function influenceOf(value: string | undefined): number | undefined {
  const number = Number(value);
  return value && Number.isInteger(number) && number > 0 && number <= 100 ? number : undefined;
}

/** The longest text the API searches for. */
export const MAX_SEARCH = 200;

function searchOf(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text && text.length <= MAX_SEARCH ? text : undefined;
}

/** The API query for the stream's filters; `now` anchors preset date ranges. */
export function mentionQueryOf(params: StreamParams, now: Date = new Date()): StreamQuery {
  const range = rangeFromParams(params, null);
  const dates = range ? resolveRange(range, now) : null;
  const query: StreamQuery = {
    ...scopeParams(parseScope(params.scope)),
    sentiment: oneOf<StreamSentiment>(STREAM_SENTIMENTS, params.sentiment),
    intent: matching(/^[a-z]{2,20}$/, params.intent),
    network: matching(/^[a-z0-9-]{2,20}$/, params.network),
    language: matching(/^[a-z]{2,3}$/, params.language),
    minInfluence: influenceOf(params.minInfluence),
    relevance: oneOf<Relevance>(RELEVANCES, params.relevance),
    ...(dates ?? {}),
    q: searchOf(params.q),
  };
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as StreamQuery;
}

/** Whether any filter besides the scope narrows the stream (to offer "Clear filters"). */
export function hasStreamFilters(params: StreamParams): boolean {
  const { scope: _scope, ...rest } = params;
  return Object.values(rest).some((v) => v !== undefined && v !== '');
}
