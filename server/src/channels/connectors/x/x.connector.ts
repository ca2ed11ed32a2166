/**
 * X (Twitter) webhooks. X checks the endpoint with a CRC challenge (answered with the HMAC of the
 * crc_token under the consumer secret) and signs deliveries in x-twitter-webhooks-signature, a
 * base64 HMAC-SHA256 of the raw body. Deliveries in the v2 shape are parsed as twitter-v2.
 * Replies use the v2 API with a user access token (OAuth 2.0, tweet.write and dm.write): a post
 * in reply to the customer's, or a direct message in a private conversation.
 */
import { Type } from 'typebox';
import { ConnectorError, defineConnector } from '../../connector.js';
import { hmacSha256, verifySha256Header } from '../../webhooks/signature.js';
import { AllowPrivateNetwork, HttpUrl, parsePayload, urlProblems } from '../shared.js';
import { apiUrl, postJson } from '../reply-http.js';

const X_API_URL = 'https://api.x.com/';

export const xConnector = defineConnector({
  kind: 'twitter',
  configSchema: Type.Object(
    {
      accountIds: Type.Optional(
        Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
          maxItems: 100,
          description: 'Your own account ids: their posts count as outbound',
        }),
      ),
      apiUrl: Type.Optional(HttpUrl),
      allowPrivateNetwork: AllowPrivateNetwork,
    },
    { additionalProperties: false },
  ),
  credentialsSchema: Type.Object(
    {
      consumerSecret: Type.String({ minLength: 8, maxLength: 200, description: "The X app's consumer (API key) secret" }),
      userAccessToken: Type.Optional(Type.String({ minLength: 1, maxLength: 4_096, description: 'Needed to reply' })),
    },
    { additionalProperties: false },
  ),
  capabilities: { pull: false, webhook: true, stream: false, reply: true },
  replyLength: { max: 280, counting: 'x_weighted' },

  checkConfig: (config) => urlProblems('config.apiUrl', config.apiUrl, config.allowPrivateNetwork),

  async test(channel) {
    if (!channel.credentials) return { ok: false, message: 'Enter the consumer secret first.' };
    return { ok: true, message: 'Ready: register this channel’s webhook URL with X; it answers the CRC check.' };
  },

  async receiveWebhook(channel, request, now) {
    const credentials = channel.credentials;
    if (!credentials) throw new ConnectorError('not_configured', 'the channel has no consumer secret');
    if (request.method === 'GET') {
      const token = request.query.crc_token;
      if (!token) throw new ConnectorError('bad_signature', 'a CRC check needs a crc_token');
      return {
        kind: 'handshake',
        contentType: 'application/json',
        body: { response_token: `sha256=${hmacSha256(credentials.consumerSecret, token, 'base64')}` },
      };
    }
    verifySha256Header(request, 'x-twitter-webhooks-signature', credentials.consumerSecret, 'base64');
    return {
      kind: 'batch',
      batch: await parsePayload(request.rawBody, ['twitter-v2'], { receivedAt: now, self: channel.config.accountIds }),
    };
  },

  async sendReply(channel, reply) {
    const token = channel.credentials?.userAccessToken;
    if (!token) throw new ConnectorError('not_configured', 'replies need a user access token');
    const api = channel.config.apiUrl ?? X_API_URL;
    if (reply.isPrivate) {
      const sent = await postJson(
        apiUrl(api, `2/dm_conversations/with/${encodeURIComponent(reply.recipient.externalId)}/messages`),
        token,
        { text: reply.text },
        channel.net,
        'X',
      );
      const id = (sent.data as { dm_event_id?: unknown } | undefined)?.dm_event_id;
      if (typeof id !== 'string') throw new ConnectorError('parse_error', 'X did not return the message id');
      return { externalId: id };
    }
    if (!reply.inReplyToExternalId) throw new ConnectorError('rejected', 'a reply on X needs the post it answers');
    const sent = await postJson(
      apiUrl(api, '2/tweets'),
      token,
      { text: reply.text, reply: { in_reply_to_tweet_id: reply.inReplyToExternalId } },
      channel.net,
      'X',
    );
    const id = (sent.data as { id?: unknown } | undefined)?.id;
    if (typeof id !== 'string') throw new ConnectorError('parse_error', 'X did not return the post id');
    return { externalId: id };
  },
});
