/**
 * X (Twitter) webhooks. X checks the endpoint with a CRC challenge (answered with the HMAC of the
 * crc_token under the consumer secret) and signs deliveries in x-twitter-webhooks-signature, a
 * base64 HMAC-SHA256 of the raw body. Deliveries in the v2 shape are parsed as twitter-v2.
 */
import { Type } from 'typebox';
import { ConnectorError, defineConnector } from '../../connector.js';
import { hmacSha256, verifySha256Header } from '../../webhooks/signature.js';
import { parsePayload } from '../shared.js';

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
    },
    { additionalProperties: false },
  ),
  credentialsSchema: Type.Object(
    { consumerSecret: Type.String({ minLength: 8, maxLength: 200, description: "The X app's consumer (API key) secret" }) },
    { additionalProperties: false },
  ),
  capabilities: { pull: false, webhook: true, stream: false, reply: false },

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
});
