/**
 * The dashboards and the mention stream under HTTP load, through the real server: each endpoint in
 * turn at a moderate concurrency, its p50 and p99 judged against the target. The second
 * page of the stream follows the cursor the first page gave out.
 */
import { POST_COUNT_BUDGET_MS } from '../../server/src/listening/mentions/post-stream.service.js';
import { probe, runLoad, type LoadResult, type LoadSpec } from '../lib/load.js';
import type { Figure } from '../lib/report.js';
import type { ListeningData } from './mention-data.js';

export const CONCURRENCY = 8;
export const TARGET_P99_MS = 100;
const DAY = 86_400_000;

export interface DashboardEndpoint {
  id: string;
  label: string;
  /** Rotated through, one per request. */
  paths: string[];
  /** Why the figure is reported without the target: a time bound of its own. */
  untargeted?: string;
}

const COUNT_BOUND = `no target: a count stops once it has spent its time budget (${POST_COUNT_BUDGET_MS} ms), by design, and says "more than"`;

const STREAM = '/api/v1/listening/mentions?limit=50';
const POSTS = '/api/v1/listening/posts';
const ANALYTICS = '/api/v1/listening/analytics';

async function getJson(url: string, token: string): Promise<unknown> {
  const answer = await probe(url, { headers: { authorization: `Bearer ${token}` } });
  if (answer.status !== 200) throw new Error(`GET ${url} answered ${answer.status}: ${answer.body.slice(0, 500)}`);
  return JSON.parse(answer.body) as unknown;
}

export async function dashboardEndpoints(base: string, data: ListeningData): Promise<DashboardEndpoint[]> {
  const firstPage = (await getJson(base + STREAM, data.workspace.token)) as { data: unknown[]; nextCursor: string | null };
  if (firstPage.data.length !== 50 || !firstPage.nextCursor)
    throw new Error(`the mention stream's first page has ${firstPage.data.length} mentions`);
  const ninetyDaysAgo = new Date(Date.now() - 90 * DAY).toISOString();
  return [
    { id: 'stream.all', label: 'mentions, all', paths: [STREAM] },
    { id: 'stream.query', label: 'mentions of one query', paths: data.queries.map((q) => `${STREAM}&queryId=${q.id}`) },
    { id: 'stream.group', label: 'mentions, kind=competitor', paths: [`${STREAM}&kind=competitor`] },
    { id: 'stream.negative', label: 'mentions, sentiment=negative', paths: [`${STREAM}&sentiment=negative`] },
    {
      id: 'stream.page2',
      label: 'mentions, second page (cursor)',
      paths: [`${STREAM}&cursor=${encodeURIComponent(firstPage.nextCursor)}`],
    },
    { id: 'posts.all', label: 'posts (a card per post), all', paths: [`${POSTS}?limit=50`] },
    { id: 'posts.count', label: 'post count (bounded), all', paths: [`${POSTS}/count`], untargeted: COUNT_BOUND },
    {
      id: 'posts.count.negative',
      label: 'post count, sentiment=negative',
      paths: [`${POSTS}/count?sentiment=negative`],
      untargeted: COUNT_BOUND,
    },
    { id: 'volume.30d', label: 'volume, 30 days', paths: [`${ANALYTICS}/volume`] },
    { id: 'volume.90d', label: 'volume, 90 days', paths: [`${ANALYTICS}/volume?from=${encodeURIComponent(ninetyDaysAgo)}`] },
    { id: 'share-of-voice', label: 'share of voice, 30 days', paths: [`${ANALYTICS}/share-of-voice`] },
    { id: 'breakdown.network', label: 'breakdown by network, 30 days', paths: [`${ANALYTICS}/breakdown?by=network`] },
    { id: 'top.hashtag', label: 'top hashtags, 30 days', paths: [`${ANALYTICS}/top?of=hashtag`] },
    { id: 'top.author', label: 'top authors, 30 days', paths: [`${ANALYTICS}/top?of=author`] },
  ];
}

function rotating(base: string, token: string, paths: string[]): LoadSpec {
  let next = 0;
  return {
    url: base,
    connections: CONCURRENCY,
    headers: { authorization: `Bearer ${token}` },
    settlePath: '/readyz',
    next: () => ({ path: paths[next++ % paths.length]! }),
  };
}

function figureOf(endpoint: DashboardEndpoint, result: LoadResult): Figure {
  const failed = result.non2xx + result.errors;
  const notes = [
    ...(endpoint.untargeted ? [endpoint.untargeted] : []),
    ...(result.ok === 0 ? [`no response came back within the ${result.seconds} s measured`] : []),
    ...(failed ? [`${result.non2xx} non-2xx responses and ${result.errors} errors during the measured run`] : []),
  ];
  return {
    id: `api.${endpoint.id}.p99`,
    label: `${endpoint.label} p99 (p50 ${result.p50Ms} ms, ${Math.round(result.rate)}/s)`,
    unit: 'ms',
    value: result.ok === 0 ? null : result.p99Ms,
    ...(endpoint.untargeted ? {} : { target: { kind: 'max', max: TARGET_P99_MS } as const }),
    ...(notes.length ? { note: notes.join('; ') } : {}),
    details: { path: endpoint.paths[0], paths: endpoint.paths.length, ...result, rate: Math.round(result.rate) },
  };
}

export async function measureDashboards(
  base: string,
  data: ListeningData,
  time: { warmup: number; duration: number },
  log: (message: string) => void,
): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const endpoint of await dashboardEndpoints(base, data)) {
    await getJson(base + endpoint.paths[0]!, data.workspace.token);
    const result = await runLoad(rotating(base, data.workspace.token, endpoint.paths), time.warmup, time.duration);
    log(
      `http: ${endpoint.label}: p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${Math.round(result.rate)}/s, load ${result.loadAverage}`,
    );
    figures.push(figureOf(endpoint, result));
  }
  return figures;
}
