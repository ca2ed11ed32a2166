/** HTTP routes for dead letters: what the pipeline refused, to inspect, replay or discard. */
import { Type } from 'typebox';
import type { App } from '../../platform/http/app-types.js';
import { ctxOf } from '../../platform/http/ctx.js';
import { ERROR_RESPONSES, IdParams, Page } from '../../platform/http/schemas.js';
import type { AppDeps } from '../../platform/module.js';
import { ingestPipeline } from '../app-pipeline.js';
import { IngestReport } from '../files/file-ingest.schema.js';
import { DeadLetter, DeadLetterDetail, DeadLetterListQuery } from './dead-letter.schema.js';
import { discardDeadLetter, getDeadLetter, listDeadLetters, replayDeadLetter } from './dead-letter.service.js';

const ReplayOutcome = Type.Object({
  deadLetter: DeadLetterDetail,
  report: IngestReport,
  problems: Type.Array(Type.Object({ code: Type.String(), reason: Type.String() }), {
    description: 'Why items still fail; empty when the replay took everything',
  }),
});

export function deadLetterRoutes(app: App, deps: AppDeps) {
  const { db } = deps;
  app.get(
    '/api/v1/dead-letters',
    {
      schema: {
        tags: ['ingest'],
        summary: 'List dead letters, newest first, by channel and code',
        querystring: DeadLetterListQuery,
        response: { 200: Page(DeadLetter), ...ERROR_RESPONSES },
      },
      config: { guard: 'admin' },
    },
    async (request) => listDeadLetters(ctxOf(request, db), request.query),
  );

  app.get(
    '/api/v1/dead-letters/:id',
    {
      schema: {
        tags: ['ingest'],
        summary: 'Get a dead letter with its payload',
        params: IdParams,
        response: { 200: DeadLetterDetail, ...ERROR_RESPONSES },
      },
      config: { guard: 'admin' },
    },
    async (request) => getDeadLetter(ctxOf(request, db), request.params.id),
  );

  app.post(
    '/api/v1/dead-letters/:id/replay',
    {
      schema: {
        tags: ['ingest'],
        summary: 'Parse the payload again and ingest what now passes; resolved when everything does',
        params: IdParams,
        response: { 200: ReplayOutcome, ...ERROR_RESPONSES },
      },
      config: { guard: 'admin' },
    },
    async (request) => replayDeadLetter(ctxOf(request, db), db, ingestPipeline(deps), request.params.id),
  );

  app.delete(
    '/api/v1/dead-letters/:id',
    {
      schema: { tags: ['ingest'], summary: 'Discard a dead letter', params: IdParams, response: { 204: Type.Null(), ...ERROR_RESPONSES } },
      config: { guard: 'admin' },
    },
    async (request, reply) => {
      await discardDeadLetter(ctxOf(request, db), db, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
