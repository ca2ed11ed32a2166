/** HTTP routes for configured channels: admins configure, every member may look at health. */
import { Type } from 'typebox';
import type { App } from '../platform/http/app-types.js';
import type { AppDeps } from '../platform/module.js';
import { ctxOf } from '../platform/http/ctx.js';
import { ERROR_RESPONSES, IdParams, Page } from '../platform/http/schemas.js';
import { Channel, ChannelInput, ChannelListQuery, ChannelPatch, ChannelTestResult } from './channel.schema.js';
import { createChannel, deleteChannel, getChannel, listChannels, setChannelStatus, testChannel, updateChannel } from './channel.service.js';

export function channelRoutes(app: App, { db, config }: AppDeps) {
  const deps = { db, secret: config.secret };

  app.get(
    '/api/v1/channels',
    {
      schema: {
        tags: ['channels'],
        summary: 'List configured channels with their health',
        querystring: ChannelListQuery,
        response: { 200: Page(Channel), ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => listChannels(ctxOf(request, db), deps, request.query),
  );

  app.post(
    '/api/v1/channels',
    {
      schema: {
        tags: ['channels'],
        summary: "Configure a channel; settings are checked against the kind's connector (honours Idempotency-Key)",
        body: ChannelInput,
        response: { 201: Channel, ...ERROR_RESPONSES },
      },
      config: { guard: 'admin', idempotent: true },
    },
    async (request, reply) => reply.status(201).send(await createChannel(ctxOf(request, db), deps, request.body)),
  );

  app.get(
    '/api/v1/channels/:id',
    {
      schema: {
        tags: ['channels'],
        summary: 'Get a channel and its health',
        params: IdParams,
        response: { 200: Channel, ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => getChannel(ctxOf(request, db), deps, request.params.id),
  );

  app.patch(
    '/api/v1/channels/:id',
    {
      schema: {
        tags: ['channels'],
        summary: 'Change a channel; config replaces the settings, the secrets sent replace those of the same name',
        params: IdParams,
        body: ChannelPatch,
        response: { 200: Channel, ...ERROR_RESPONSES },
      },
      config: { guard: 'admin' },
    },
    async (request) => updateChannel(ctxOf(request, db), deps, request.params.id, request.body),
  );

  app.delete(
    '/api/v1/channels/:id',
    {
      schema: { tags: ['channels'], summary: 'Remove a channel', params: IdParams, response: { 204: Type.Null(), ...ERROR_RESPONSES } },
      config: { guard: 'admin' },
    },
    async (request, reply) => {
      await deleteChannel(ctxOf(request, db), deps, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/channels/:id/test',
    {
      schema: {
        tags: ['channels'],
        summary:
          "Test the connection with the stored settings; changes nothing but the reply limit the channel's server says (a Mastodon instance's own)",
        params: IdParams,
        response: { 200: ChannelTestResult, ...ERROR_RESPONSES },
      },
      config: { guard: 'admin' },
    },
    async (request) => testChannel(ctxOf(request, db), deps, request.params.id),
  );

  for (const [action, status] of [
    ['pause', 'paused'],
    ['resume', 'active'],
  ] as const) {
    app.post(
      `/api/v1/channels/:id/${action}`,
      {
        schema: {
          tags: ['channels'],
          summary:
            action === 'pause'
              ? 'Pause a channel: no polling; webhook deliveries are answered 503 (channel_paused) for the sender to deliver again later'
              : 'Resume a paused channel',
          params: IdParams,
          response: { 200: Channel, ...ERROR_RESPONSES },
        },
        config: { guard: 'admin' },
      },
      async (request) => setChannelStatus(ctxOf(request, db), deps, request.params.id, status),
    );
  }
}
