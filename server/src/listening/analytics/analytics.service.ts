/**
 * Listening analytics: volume and sentiment over time, share of voice (brand against competitors),
 * breakdowns by channel and language, and top hashtags, entities, keywords, authors and
 * influencers — each a flat table of rows, which is also its CSV export.
 */
import { DateTime, IANAZone } from 'luxon';
import { influenceScore } from '../../nlp/influence/influence.js';
import type { Ctx } from '../../platform/context.js';
import { invalid } from '../../platform/http/errors.js';
import { storedSeenPosts } from '../mentions/seen-posts.repo.js';
import { shownHandleOf, shownNameOf } from '../../platform/text/identity-handle.js';
import * as repo from './analytics.repo.js';
import { LONGEST_CHART_RANGE_DAYS } from './longest-range.js';
import { topTerms } from './top-terms.js';
import type { BreakdownQuery, ChartTable, Interval, SeriesQuery, TopQuery, VolumeChart } from './analytics.schema.js';

const DAY = 86_400_000;
/** Influencers are ranked among the most heard authors; a deeper pool would read too many lists. */
const INFLUENCER_POOL = 100;

function scopeOf(ctx: Ctx, query: { queryId?: string; kind?: string; from?: string; to?: string }): repo.Scope {
  const now = new Date();
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY);
  if (from >= to) throw invalid([{ field: 'from', reason: 'must be before to' }]);
  if (to.getTime() - from.getTime() > LONGEST_CHART_RANGE_DAYS * DAY) {
    throw invalid([{ field: 'from', reason: `the range can span at most ${LONGEST_CHART_RANGE_DAYS} days` }]);
  }
  return { workspaceId: ctx.workspaceId, queryId: query.queryId, kind: query.kind, from, to, now };
}

function intervalFor(scope: repo.Scope, wanted: Interval | undefined): Interval {
  if (wanted) return wanted;
  const span = scope.to.getTime() - scope.from.getTime();
  return span <= 2 * DAY ? 'hour' : span <= 120 * DAY ? 'day' : 'week';
}

/** The time zone days and weeks are counted in: the caller's (the dashboard sends the browser's), UTC by default. */
function zoneOf(timeZone: string | undefined): string {
  const zone = timeZone ?? 'UTC';
  if (!IANAZone.isValidZone(zone))
    throw invalid([{ field: 'timeZone', reason: 'is not a time zone; use an IANA name such as Europe/Berlin' }]);
  return zone;
}

/** The starts of the days or weeks (from Monday) in `zone` that the range touches, the first at or before its start. */
function localStarts(scope: repo.Scope, interval: 'day' | 'week', zone: string): Date[] {
  const first = DateTime.fromJSDate(scope.from, { zone }).startOf(interval);
  const starts: Date[] = [];
  for (let i = 0; ; i++) {
    const start = first.plus(interval === 'day' ? { days: i } : { weeks: i }).startOf(interval);
    if (start.toMillis() >= scope.to.getTime()) return starts;
    starts.push(start.toJSDate());
  }
}

/**
 * Counts per query and interval: hours are UTC hours in every zone; days and weeks start at midnight
 * in `zone`, so a chart labelled in the viewer's time reads each of their days. Where those
 * midnights are UTC ones (UTC, or London in winter) the UTC days' rollups serve.
 */
function seriesIn(ctx: Ctx, scope: repo.Scope, interval: Interval, zone: string): Promise<repo.QueryVolume[]> {
  if (interval === 'hour') return repo.volumeSeries(ctx.db, scope, interval);
  const starts = localStarts(scope, interval, zone);
  if (starts.every((start) => start.getTime() % DAY === 0)) return repo.volumeSeries(ctx.db, scope, interval);
  return repo.volumeSeriesFrom(ctx.db, scope, starts);
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

/** Interval starts (seconds) as ISO text, made once per distinct start: a chart has a few dozen, and many points each. */
function isoTimes(): (seconds: number) => string {
  const made = new Map<number, string>();
  return (seconds) => {
    let iso = made.get(seconds);
    if (iso === undefined) {
      iso = new Date(seconds * 1000).toISOString();
      made.set(seconds, iso);
    }
    return iso;
  };
}

/** Mentions and sentiment per query per interval, as series on the intervals where any query was heard. */
export async function volumeOverTime(ctx: Ctx, query: SeriesQuery): Promise<VolumeChart> {
  const scope = scopeOf(ctx, query);
  const zone = zoneOf(query.timeZone);
  const interval = intervalFor(scope, query.interval);
  const perQuery = await seriesIn(ctx, scope, interval, zone);
  const starts = [...new Set(perQuery.flatMap((q) => q.starts))].sort((a, b) => a - b);
  const slot = new Map(starts.map((start, i) => [start, i]));
  const zeros = () => new Array<number>(starts.length).fill(0);
  return {
    from: scope.from.toISOString(),
    to: scope.to.toISOString(),
    interval,
    at: starts.map(isoTimes()),
    series: perQuery.map((q) => {
      const series = {
        queryId: q.queryId,
        query: q.query,
        kind: q.kind,
        mentions: zeros(),
        positive: zeros(),
        negative: zeros(),
        neutral: zeros(),
        sentiment: new Array<number | null>(starts.length).fill(null),
      };
      for (let i = 0; i < q.starts.length; i++) {
        const at = slot.get(q.starts[i]!)!;
        const mentions = q.mentions[i]!;
        series.mentions[at] = mentions;
        series.positive[at] = q.positive[i]!;
        series.negative[at] = q.negative[i]!;
        series.neutral[at] = q.neutral[i]!;
        // Over the mentions analysed: one in a language sentiment does not read has no score to pull the mean to 0.
        const analysed = q.positive[i]! + q.negative[i]! + q.neutral[i]!;
        series.sentiment[at] = analysed ? round(q.sentimentSums[i]! / analysed) : null;
      }
      return series;
    }),
  };
}

/** The volume chart as flat rows (its CSV export): one per interval and query, in that order. */
export function volumeRows(chart: VolumeChart): ChartTable['rows'] {
  return chart.at.flatMap((at, i) =>
    chart.series.map((s) => ({
      at,
      queryId: s.queryId,
      query: s.query,
      kind: s.kind,
      mentions: s.mentions[i]!,
      positive: s.positive[i]!,
      negative: s.negative[i]!,
      neutral: s.neutral[i]!,
      sentiment: s.sentiment[i]!,
    })),
  );
}

/**
 * Share of voice: each brand and competitor query's part of their total mentions per interval,
 * plus a total row per query (at = null) for the pie.
 */
export async function shareOfVoice(ctx: Ctx, query: SeriesQuery): Promise<ChartTable> {
  const scope = scopeOf(ctx, query);
  const zone = zoneOf(query.timeZone);
  const interval = intervalFor(scope, query.interval);
  const perQuery = (await seriesIn(ctx, { ...scope, queryId: undefined, kind: undefined }, interval, zone)).filter(
    (q) => q.kind === 'brand' || q.kind === 'competitor',
  );
  const perInterval = new Map<number, number>();
  let total = 0;
  for (const q of perQuery) {
    q.starts.forEach((start, i) => perInterval.set(start, (perInterval.get(start) ?? 0) + q.mentions[i]!));
    total += q.mentions.reduce((sum, mentions) => sum + mentions, 0);
  }
  const totals: ChartTable['rows'] = perQuery.map((q) => {
    const mentions = q.mentions.reduce((sum, m) => sum + m, 0);
    return { at: null, queryId: q.queryId, query: q.query, kind: q.kind, mentions, share: total ? round(mentions / total, 4) : 0 };
  });
  const isoOf = isoTimes();
  const points = perQuery.flatMap((q) =>
    q.starts.map((start, i) => {
      const all = perInterval.get(start)!;
      const mentions = q.mentions[i]!;
      const row = {
        at: isoOf(start),
        queryId: q.queryId,
        query: q.query,
        kind: q.kind,
        mentions,
        share: all ? round(mentions / all, 4) : 0,
      };
      return { start, row };
    }),
  );
  // Stable: within one interval the queries stay in name order.
  points.sort((a, b) => a.start - b.start);
  return table(scope, [...totals, ...points.map((p) => p.row)], interval);
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
  const seen = await storedSeenPosts(
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
      seen: seen.get(r.term),
    });
    return [
      {
        identityId: identity.id,
        network: identity.network,
        // A Meta author known only by a numeric id has neither: the number names nobody.
        handle: shownHandleOf(identity),
        name: shownNameOf(identity),
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
