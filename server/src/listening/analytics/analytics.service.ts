/**
 * Listening analytics: volume and sentiment over time, share of voice (brand against competitors),
 * breakdowns by channel and language, and top hashtags, entities, keywords, authors and
 * influencers — each a flat table of rows, which is also its CSV export.
 */
import { influenceScore } from '../../nlp/influence/influence.js';
import type { Ctx } from '../../platform/context.js';
import { invalid } from '../../platform/http/errors.js';
import * as repo from './analytics.repo.js';
import { topTerms } from './top-terms.js';
import type { BreakdownQuery, ChartTable, Interval, SeriesQuery, TopQuery } from './analytics.schema.js';

const DAY = 86_400_000;
/** A year: longer ranges are exports, not dashboards. */
const MAX_RANGE = 400 * DAY;
/** Influencers are ranked among the most heard authors; a deeper pool would read too many lists. */
const INFLUENCER_POOL = 100;

function scopeOf(ctx: Ctx, query: { queryId?: string; kind?: string; from?: string; to?: string }): repo.Scope {
  const to = query.to ? new Date(query.to) : new Date();
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY);
  if (from >= to) throw invalid([{ field: 'from', reason: 'must be before to' }]);
  if (to.getTime() - from.getTime() > MAX_RANGE) throw invalid([{ field: 'from', reason: 'the range can span at most 400 days' }]);
  return { workspaceId: ctx.workspaceId, queryId: query.queryId, kind: query.kind, from, to };
}

function intervalFor(scope: repo.Scope, wanted: Interval | undefined): Interval {
  if (wanted) return wanted;
  const span = scope.to.getTime() - scope.from.getTime();
  return span <= 2 * DAY ? 'hour' : span <= 120 * DAY ? 'day' : 'week';
}

const table = (scope: repo.Scope, rows: ChartTable['rows'], interval?: Interval): ChartTable => ({
  from: scope.from.toISOString(),
  to: scope.to.toISOString(),
  ...(interval ? { interval } : {}),
  rows,
});

/** A top-N whose ranking could not be proven says so, with how many mentions a term not shown may have. */
const ranked = (chart: ChartTable, top: { exact: boolean; unseenAtMost: number }): ChartTable =>
  top.exact ? chart : { ...chart, approximate: { unseenAtMost: top.unseenAtMost } };

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Mentions and sentiment per query per interval. */
export async function volumeOverTime(ctx: Ctx, query: SeriesQuery): Promise<ChartTable> {
  const scope = scopeOf(ctx, query);
  const interval = intervalFor(scope, query.interval);
  const rows = await repo.volumeSeries(ctx.db, scope, interval);
  return table(
    scope,
    rows.map((r) => ({
      at: r.at,
      queryId: r.queryId,
      query: r.query,
      kind: r.kind,
      mentions: r.mentions,
      positive: r.positive,
      negative: r.negative,
      neutral: r.neutral,
      sentiment: r.mentions ? round(r.sentimentSum / r.mentions) : null,
    })),
    interval,
  );
}

/**
 * Share of voice: each brand and competitor query's part of their total mentions per interval,
 * plus a total row per query (at = null) for the pie.
 */
export async function shareOfVoice(ctx: Ctx, query: SeriesQuery): Promise<ChartTable> {
  const scope = scopeOf(ctx, query);
  const interval = intervalFor(scope, query.interval);
  const rows = (await repo.volumeSeries(ctx.db, { ...scope, queryId: undefined, kind: undefined }, interval)).filter(
    (r) => r.kind === 'brand' || r.kind === 'competitor',
  );
  const perInterval = new Map<string, number>();
  const perQuery = new Map<string, { query: string; kind: string; mentions: number }>();
  let total = 0;
  for (const r of rows) {
    perInterval.set(r.at, (perInterval.get(r.at) ?? 0) + r.mentions);
    const q = perQuery.get(r.queryId) ?? { query: r.query, kind: r.kind, mentions: 0 };
    q.mentions += r.mentions;
    perQuery.set(r.queryId, q);
    total += r.mentions;
  }
  const out: ChartTable['rows'] = [...perQuery].map(([queryId, q]) => ({
    at: null,
    queryId,
    query: q.query,
    kind: q.kind,
    mentions: q.mentions,
    share: total ? round(q.mentions / total, 4) : 0,
  }));
  for (const r of rows) {
    const all = perInterval.get(r.at)!;
    out.push({
      at: r.at,
      queryId: r.queryId,
      query: r.query,
      kind: r.kind,
      mentions: r.mentions,
      share: all ? round(r.mentions / all, 4) : 0,
    });
  }
  return table(scope, out, interval);
}

export async function breakdownBy(ctx: Ctx, query: BreakdownQuery): Promise<ChartTable> {
  const scope = scopeOf(ctx, query);
  const rows = await repo.breakdown(ctx.db, scope, query.by);
  return table(
    scope,
    rows.map((r) => ({
      [query.by]: r.key || 'unknown',
      mentions: r.mentions,
      positive: r.positive,
      negative: r.negative,
      neutral: r.neutral,
    })),
  );
}

export async function topOf(ctx: Ctx, query: TopQuery): Promise<ChartTable> {
  const scope = scopeOf(ctx, query);
  const limit = query.limit ?? 10;
  if (query.of !== 'author' && query.of !== 'influencer') {
    const top = await topTerms(ctx.db, scope, query.of, limit);
    return ranked(
      table(
        scope,
        top.rows.map((r) => ({ [query.of]: r.term, mentions: r.mentions })),
      ),
      top,
    );
  }
  const top = await topTerms(ctx.db, scope, 'author', query.of === 'author' ? limit : INFLUENCER_POOL);
  const heard = top.rows;
  const identities = await repo.identitiesById(
    ctx.db,
    ctx.workspaceId,
    heard.map((r) => r.term),
  );
  const authors = heard.flatMap((r) => {
    const identity = identities.get(r.term);
    if (!identity) return [];
    const influence = influenceScore({
      followers: identity.followers ?? undefined,
      following: identity.following ?? undefined,
      postsCount: identity.postsCount ?? undefined,
      messages: r.mentions,
    });
    return [
      {
        identityId: identity.id,
        network: identity.network,
        handle: identity.handle,
        name: identity.displayName,
        contactId: identity.contactId,
        mentions: r.mentions,
        followers: identity.followers,
        influence: influence.score,
        influenceWhy: influence.parts.map((p) => p.explanation).join('; '),
      },
    ];
  });
  if (query.of === 'influencer') authors.sort((a, b) => b.influence - a.influence || b.mentions - a.mentions);
  return ranked(table(scope, authors.slice(0, limit)), top);
}
