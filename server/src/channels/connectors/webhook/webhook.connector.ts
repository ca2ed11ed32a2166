/**
 * A generic JSON webhook, for systems without a connector of their own (a contact form, a chat
 * widget, a helpdesk). Deliveries are signed with the channel's secret — X-Rapport-Signature:
 * sha256=<hex HMAC of the raw body> — and mapped to messages by JSON Pointers in the settings.
 * Replies go back the same way: POSTed as JSON to the configured outbound URL, signed alike.
 */
import { Type } from 'typebox';
import { ConnectorError, defineConnector } from '../../connector.js';
import { expectSuccess, safeFetch } from '../../net/safe-fetch.js';
import { hmacSha256, verifySha256Header } from '../../webhooks/signature.js';
import { AllowPrivateNetwork, HttpUrl, USER_AGENT, urlProblems } from '../shared.js';
import { JsonPointer } from './json-pointer.js';
import { FieldMapping, mapDelivery } from './webhook-mapping.js';

export const SIGNATURE_HEADER = 'x-rapport-signature';

const WebhookConfig = Type.Object(
  {
    mapping: FieldMapping,
    itemsPath: Type.Optional(JsonPointer),
    isPrivate: Type.Optional(Type.Boolean({ description: 'Messages are private conversations (default) rather than public posts' })),
    outboundUrl: Type.Optional(HttpUrl),
    allowPrivateNetwork: AllowPrivateNetwork,
  },
  { additionalProperties: false },
);

export const webhookConnector = defineConnector({
  kind: 'webhook',
  configSchema: WebhookConfig,
  credentialsSchema: Type.Object(
    { secret: Type.String({ minLength: 16, maxLength: 200, description: 'Signs deliveries in both directions' }) },
    { additionalProperties: false },
  ),
  capabilities: { pull: false, webhook: true, stream: false, reply: true },
  replySetupMissing: (config) => (config.outboundUrl ? null : 'it has no reply endpoint (outboundUrl) to send replies to'),

  checkConfig: (config) => urlProblems('config.outboundUrl', config.outboundUrl, config.allowPrivateNetwork),

  async test(channel) {
    if (!channel.credentials) return { ok: false, message: 'Set a signing secret first.' };
    return {
      ok: true,
      message: channel.config.outboundUrl ? 'Ready to receive and to send replies.' : 'Ready to receive; replies need an outbound URL.',
    };
  },

  async receiveWebhook(channel, request, now) {
    if (request.method !== 'POST') throw new ConnectorError('unsupported', 'generic webhooks have no handshake');
    if (!channel.credentials) throw new ConnectorError('not_configured', 'the channel has no signing secret');
    verifySha256Header(request, SIGNATURE_HEADER, channel.credentials.secret, 'hex');
    const payload = request.rawBody.toString('utf8');
    let body: unknown;
    try {
      body = JSON.parse(payload);
    } catch (error) {
      throw new ConnectorError('parse_error', `the body is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { kind: 'batch', batch: { ...mapDelivery(body, channel.config, now), payload } };
  },

  async sendReply(channel, reply) {
    const { outboundUrl } = channel.config;
    if (!outboundUrl) throw new ConnectorError('not_configured', 'the channel has no outbound URL for replies');
    if (!channel.credentials) throw new ConnectorError('not_configured', 'the channel has no signing secret');
    const body = JSON.stringify({
      type: 'reply',
      messageId: reply.messageId,
      threadKey: reply.threadKey,
      inReplyTo: reply.inReplyToExternalId,
      recipient: { id: reply.recipient.externalId, name: reply.recipient.displayName ?? null },
      text: reply.text,
      html: reply.html ?? null,
    });
    const response = await safeFetch(outboundUrl, channel.net, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        [SIGNATURE_HEADER]: `sha256=${hmacSha256(channel.credentials.secret, body, 'hex')}`,
      },
      maxBytes: 64 * 1024,
      maxRedirects: 0,
    });
    expectSuccess(response, 'The outbound URL');
    // The receiver may name the message in its own system; otherwise our id is the only one there is.
    let externalId: unknown;
    try {
      externalId = (JSON.parse(response.body.toString('utf8')) as { externalId?: unknown }).externalId;
    } catch {
      externalId = undefined;
    }
    return { externalId: typeof externalId === 'string' && externalId ? externalId : reply.messageId };
  },
});
