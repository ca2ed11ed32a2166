/**
 * Messenger, Instagram and Page webhooks from Meta. Meta proves itself with the app secret: the
 * subscription handshake echoes hub.challenge when hub.verify_token matches, and every delivery
 * carries X-Hub-Signature-256, an HMAC-SHA256 of the raw body. Replies use the Graph API with the
 * page access token: a direct message through the Send API (within Meta's 24-hour window), a
 * public comment as a reply comment.
 */
import { Type } from 'typebox';
import { ConnectorError, defineConnector } from '../../connector.js';
import { safeEqual, verifySha256Header } from '../../webhooks/signature.js';
import { AllowPrivateNetwork, HttpUrl, parsePayload, urlProblems } from '../shared.js';
import { apiUrl, postJson } from '../reply-http.js';

const GRAPH_URL = 'https://graph.facebook.com/v21.0/';

const MetaCredentials = Type.Object(
  {
    appSecret: Type.String({ minLength: 8, maxLength: 200, description: "The Meta app's secret, which signs deliveries" }),
    verifyToken: Type.String({ minLength: 8, maxLength: 200, description: 'The token you typed into the webhook subscription' }),
    pageAccessToken: Type.Optional(Type.String({ minLength: 1, maxLength: 4_096, description: 'Needed to reply' })),
  },
  { additionalProperties: false },
);

export const metaConnector = defineConnector({
  kind: 'meta',
  configSchema: Type.Object(
    {
      pageIds: Type.Optional(
        Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
          maxItems: 100,
          description: "The page's own ids: its messages count as outbound",
        }),
      ),
      graphUrl: Type.Optional(HttpUrl),
      allowPrivateNetwork: AllowPrivateNetwork,
    },
    { additionalProperties: false },
  ),
  credentialsSchema: MetaCredentials,
  capabilities: { pull: false, webhook: true, stream: false, reply: true },
  // The Send API's limit on a message's text (a comment may be longer; one limit keeps the composer simple).
  replyLength: { max: 2_000, counting: 'code_points' },

  checkConfig: (config) => urlProblems('config.graphUrl', config.graphUrl, config.allowPrivateNetwork),

  async test(channel) {
    if (!channel.credentials) return { ok: false, message: 'Enter the app secret and verify token first.' };
    return { ok: true, message: 'Ready: point the Meta webhook subscription at this channel’s webhook URL.' };
  },

  async receiveWebhook(channel, request, now) {
    const credentials = channel.credentials;
    if (!credentials) throw new ConnectorError('not_configured', 'the channel has no app secret');
    if (request.method === 'GET') {
      const { 'hub.mode': mode, 'hub.verify_token': token, 'hub.challenge': challenge } = request.query;
      if (mode !== 'subscribe' || !token || !challenge || !safeEqual(token, credentials.verifyToken)) {
        throw new ConnectorError('bad_signature', 'the subscription handshake did not carry this channel’s verify token');
      }
      return { kind: 'handshake', contentType: 'text/plain', body: challenge };
    }
    verifySha256Header(request, 'x-hub-signature-256', credentials.appSecret, 'hex');
    return {
      kind: 'batch',
      batch: await parsePayload(request.rawBody, ['meta-webhook'], { receivedAt: now, self: channel.config.pageIds }),
    };
  },

  async sendReply(channel, reply) {
    const token = channel.credentials?.pageAccessToken;
    if (!token) throw new ConnectorError('not_configured', 'replies need the page access token');
    const graph = channel.config.graphUrl ?? GRAPH_URL;
    if (reply.isPrivate) {
      const sent = await postJson(
        apiUrl(graph, 'me/messages'),
        token,
        { recipient: { id: reply.recipient.externalId }, messaging_type: 'RESPONSE', message: { text: reply.text } },
        channel.net,
        'The Meta Send API',
      );
      if (typeof sent.message_id !== 'string') throw new ConnectorError('parse_error', 'Meta did not return the message id');
      return { externalId: sent.message_id };
    }
    if (!reply.inReplyToExternalId) throw new ConnectorError('rejected', 'a public reply needs the comment it answers');
    const sent = await postJson(
      apiUrl(graph, `${encodeURIComponent(reply.inReplyToExternalId)}/comments`),
      token,
      { message: reply.text },
      channel.net,
      'The Meta Graph API',
    );
    if (typeof sent.id !== 'string') throw new ConnectorError('parse_error', 'Meta did not return the comment id');
    return { externalId: sent.id };
  },
});
