/** HTTP routes for the stream read a card per post: its pages, its bounded count and its CSV export. */
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../../platform/http/app-types.js';
import { ctxOf } from '../../platform/http/ctx.js';
import { ERROR_RESPONSES, MediaTypes, Page } from '../../platform/http/schemas.js';
import type { AppDeps } from '../../platform/module.js';
import { MentionedPost, MentionListQuery, PostCount, StreamFilterQuery } from './mention.schema.js';
import { countPosts, exportPosts, listPosts, POST_COUNT_BOUND, POST_COUNT_BUDGET_MS, POST_EXPORT_CAP } from './post-stream.service.js';

const tags = ['listening'];

/** A stream bypasses the JSON serialiser of the 200 schema. */
function sendCsv(reply: FastifyReply, lines: AsyncGenerator<string>) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="mentions-${new Date().toISOString().slice(0, 10)}.csv"`)
    .header('cache-control', 'no-store')
    .send(Readable.from(lines));
}
const FILTERS =
  'filtered as the mention stream is (query or group, sentiment, intent, channel, language, influence, relevance, dates, text)';

export function postStreamRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/v1/listening/posts',
    {
      schema: {
        tags,
        summary: 'The mention stream a card per post, newest first: each post with its mentions of the queries in scope',
        description: `A post several queries matched is one entry listing every mention of it the filters select; ${FILTERS}.`,
        querystring: MentionListQuery,
        response: { 200: Page(MentionedPost), ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => listPosts(ctxOf(request, db), request.query),
  );

  app.get(
    '/api/v1/listening/posts/count',
    {
      schema: {
        tags,
        summary: `How many posts the stream holds, exact up to ${POST_COUNT_BOUND.toLocaleString('en-US')}`,
        description:
          `Counts the posts ${FILTERS}. A count stops past the bound, or after ${POST_COUNT_BUDGET_MS} ms with the posts it found, ` +
          'and then says exact: false ("more than count"): it never reads millions of mentions.',
        querystring: StreamFilterQuery,
        response: { 200: PostCount, ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => countPosts(ctxOf(request, db), request.query),
  );

  app.get(
    '/api/v1/listening/posts/export',
    {
      schema: {
        tags,
        summary: `Download the stream's posts as CSV, newest first, at most ${POST_EXPORT_CAP.toLocaleString('en-US')}`,
        description:
          `One row per post ${FILTERS}: sentAt, network, author, authorHandle, title, text, url, queries, sentiment, intent, relevance. ` +
          'A cell a spreadsheet would run as a formula is written as text, with a leading quote.',
        querystring: StreamFilterQuery,
        response: {
          200: MediaTypes('The posts as an attachment', { 'text/csv': Type.String({ description: 'CSV (UTF-8, header row)' }) }),
          ...ERROR_RESPONSES,
        },
      },
      config: { guard: 'viewer' },
    },
    async (request, reply) => sendCsv(reply, await exportPosts(ctxOf(request, db), request.query)),
  );
}
