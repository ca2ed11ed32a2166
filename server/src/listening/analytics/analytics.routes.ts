/** HTTP routes for listening dashboards; `format=csv` downloads any chart's rows. */
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { Type, type TSchema } from 'typebox';
import type { App } from '../../platform/http/app-types.js';
import { ctxOf } from '../../platform/http/ctx.js';
import { ERROR_RESPONSES, MediaTypes } from '../../platform/http/schemas.js';
import type { AppDeps } from '../../platform/module.js';
import { csvLines } from '../../platform/text/csv.js';
import { BreakdownQuery, ChartTable, SeriesQuery, TopQuery, VolumeChart } from './analytics.schema.js';
import { breakdownBy, shareOfVoice, topOf, volumeOverTime, volumeRows } from './analytics.service.js';

const tags = ['listening'];

function send(reply: FastifyReply, name: string, format: 'json' | 'csv' | undefined, chart: ChartTable) {
  return format === 'csv' ? sendCsv(reply, name, chart) : chart;
}

function sendCsv(reply: FastifyReply, name: string, chart: ChartTable) {
  const columns = [...new Set(chart.rows.flatMap((row) => Object.keys(row)))];
  // Author names and terms come from the internet: a cell such as =HYPERLINK(…) must stay text.
  const csv = csvLines([columns, ...chart.rows.map((row) => columns.map((c) => row[c]))]);
  // A stream bypasses the JSON serialiser of the 200 schema.
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}-${chart.from.slice(0, 10)}-${chart.to.slice(0, 10)}.csv"`)
    .header('cache-control', 'no-store')
    .send(Readable.from([csv]));
}

/** A chart as JSON, or its rows as CSV with `format=csv`. */
const chartOrCsv = <T extends TSchema>(chart: T) =>
  MediaTypes('The chart, or with format=csv its rows as an attachment', {
    'application/json': chart,
    'text/csv': Type.String({ description: 'One row per line, with a header row' }),
  });

export function analyticsRoutes(app: App, { db }: AppDeps) {
  const response = { 200: chartOrCsv(ChartTable), ...ERROR_RESPONSES };
  app.get(
    '/api/v1/listening/analytics/volume',
    {
      schema: {
        tags,
        summary: 'Mentions and sentiment over time, per query',
        description: 'JSON: series on one time axis. CSV: one row per interval and query, 0 where the query was not heard.',
        querystring: SeriesQuery,
        response: { 200: chartOrCsv(VolumeChart), ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request, reply) => {
      const chart = await volumeOverTime(ctxOf(request, db), request.query);
      if (request.query.format !== 'csv') return chart;
      return sendCsv(reply, 'volume', { from: chart.from, to: chart.to, rows: volumeRows(chart) });
    },
  );
  app.get(
    '/api/v1/listening/analytics/share-of-voice',
    {
      schema: {
        tags,
        summary: 'Share of voice of brand and competitor queries, overall (at = null) and over time',
        querystring: SeriesQuery,
        response,
      },
      config: { guard: 'viewer' },
    },
    async (request, reply) => send(reply, 'share-of-voice', request.query.format, await shareOfVoice(ctxOf(request, db), request.query)),
  );
  app.get(
    '/api/v1/listening/analytics/breakdown',
    {
      schema: { tags, summary: 'Mentions and sentiment by channel or language', querystring: BreakdownQuery, response },
      config: { guard: 'viewer' },
    },
    async (request, reply) =>
      send(reply, `by-${request.query.by}`, request.query.format, await breakdownBy(ctxOf(request, db), request.query)),
  );
  app.get(
    '/api/v1/listening/analytics/top',
    {
      schema: { tags, summary: 'Top hashtags, entities, keywords, authors or influencers', querystring: TopQuery, response },
      config: { guard: 'viewer' },
    },
    async (request, reply) => send(reply, `top-${request.query.of}`, request.query.format, await topOf(ctxOf(request, db), request.query)),
  );
}
