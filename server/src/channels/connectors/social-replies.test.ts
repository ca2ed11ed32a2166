/**
 * Replies on Meta (Send API, comment replies) and X (posts, direct messages), against a local
 * server standing in for the Graph and X APIs with the answers their documentation gives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundReply } from '../connector.js';
import { startTestHttpServer, type TestHttpServer } from '../testing/http-server.js';
import { metaConnector } from './meta/meta.connector.js';
import { xConnector } from './x/x.connector.js';

let api: TestHttpServer;
beforeAll(async () => {
  api = await startTestHttpServer();
  const json = (body: object) => ({ contentType: 'application/json', body: JSON.stringify(body) });
  api.route('/v21.0/me/messages', json({ recipient_id: '6512345678901234', message_id: 'm_reply_1' }));
  api.route('/v21.0/1234567890_111/comments', json({ id: '1234567890_222' }));
  api.route('/2/tweets', json({ data: { id: '1861000000000000099', text: 'ok' } }));
  api.route(
    '/2/dm_conversations/with/2244994945/messages',
    json({ data: { dm_conversation_id: '1-2', dm_event_id: '1861000000000000100' } }),
  );
  api.route('/2/expired/2/tweets', { status: 401, contentType: 'application/json', body: '{"title":"Unauthorized"}' });
});
afterAll(() => api?.close());

const reply = (over: Partial<OutboundReply>): OutboundReply => ({
  messageId: 'msg-1',
  text: 'Thanks for writing!',
  subject: '',
  recipient: { externalId: '6512345678901234' },
  inReplyToExternalId: null,
  threadExternalIds: [],
  threadKey: 't',
  isPrivate: true,
  ...over,
});

const lastRequest = () => {
  const request = api.requests.at(-1)!;
  return { url: request.url, authorization: request.headers.authorization, body: JSON.parse(request.body) as unknown };
};

describe('Meta replies', () => {
  const channel = (credentials: object | null) => ({
    id: 'c',
    workspaceId: 'w',
    kind: 'meta' as const,
    name: 'Page',
    config: { graphUrl: `${api.url}/v21.0/`, allowPrivateNetwork: true },
    credentials: credentials as { appSecret: string; verifyToken: string; pageAccessToken?: string } | null,
    net: { allowPrivateNetwork: true },
  });
  const credentials = { appSecret: 'app-secret-1', verifyToken: 'verify-token-1', pageAccessToken: 'page-token' };

  it('answers a direct message through the Send API with the page token', async () => {
    expect(await metaConnector.sendReply!(channel(credentials), reply({}))).toEqual({ externalId: 'm_reply_1' });
    expect(lastRequest()).toEqual({
      url: '/v21.0/me/messages',
      authorization: 'Bearer page-token',
      body: { recipient: { id: '6512345678901234' }, messaging_type: 'RESPONSE', message: { text: 'Thanks for writing!' } },
    });
  });

  it('answers a public comment with a reply comment', async () => {
    const sent = await metaConnector.sendReply!(channel(credentials), reply({ isPrivate: false, inReplyToExternalId: '1234567890_111' }));
    expect(sent).toEqual({ externalId: '1234567890_222' });
    expect(lastRequest()).toMatchObject({ url: '/v21.0/1234567890_111/comments', body: { message: 'Thanks for writing!' } });
  });

  it('needs the page access token, and refuses private addresses unless allowed', async () => {
    await expect(metaConnector.sendReply!(channel({ appSecret: 'a', verifyToken: 'b' }), reply({}))).rejects.toMatchObject({
      code: 'not_configured',
    });
    await expect(
      metaConnector.sendReply!({ ...channel(credentials), net: { allowPrivateNetwork: false } }, reply({})),
    ).rejects.toMatchObject({
      code: 'ssrf_refused',
    });
  });
});

describe('X replies', () => {
  const channel = (apiUrl: string) => ({
    id: 'c',
    workspaceId: 'w',
    kind: 'twitter' as const,
    name: 'X',
    config: { apiUrl, allowPrivateNetwork: true },
    credentials: { consumerSecret: 'consumer-secret', userAccessToken: 'user-token' },
    net: { allowPrivateNetwork: true },
  });

  it('posts a reply to the customer’s post', async () => {
    const sent = await xConnector.sendReply!(channel(api.url), reply({ isPrivate: false, inReplyToExternalId: '1861000000000000001' }));
    expect(sent).toEqual({ externalId: '1861000000000000099' });
    expect(lastRequest()).toEqual({
      url: '/2/tweets',
      authorization: 'Bearer user-token',
      body: { text: 'Thanks for writing!', reply: { in_reply_to_tweet_id: '1861000000000000001' } },
    });
  });

  it('answers a direct message with a direct message', async () => {
    const sent = await xConnector.sendReply!(channel(api.url), reply({ recipient: { externalId: '2244994945' } }));
    expect(sent).toEqual({ externalId: '1861000000000000100' });
    expect(lastRequest()).toMatchObject({ url: '/2/dm_conversations/with/2244994945/messages', body: { text: 'Thanks for writing!' } });
  });

  it('reports a refused token as an authentication failure, not worth retrying', async () => {
    await expect(
      xConnector.sendReply!(channel(`${api.url}/2/expired/`), reply({ isPrivate: false, inReplyToExternalId: '1' })),
    ).rejects.toMatchObject({ code: 'auth_failed', transient: false });
  });
});
