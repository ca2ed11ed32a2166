/**
 * A sandbox channel: stands in for a network (the demo's conversations, a trial before the real
 * account is connected) and needs no account. A reply sent through it takes the whole delivery
 * path — queued, sent, counted on the channel's health — but nothing leaves Rapport: the connector
 * takes it at once and reaches no network.
 *
 * It receives nothing of its own: a webhook endpoint without a signing secret would let anyone who
 * learns the URL write into the inbox, and there is no source to poll. Messages come in through
 * `rapport ingest --channel` (or the file ingest API), as files of the network it stands in for.
 */
import { Type } from 'typebox';
import { defineConnector } from '../../connector.js';
import { NETWORKS } from '../../message.schema.js';
import { networkName } from './network-names.js';

const SandboxConfig = Type.Object(
  {
    network: Type.Enum(NETWORKS, { description: 'The network this channel stands in for; its conversations are of that network' }),
  },
  { additionalProperties: false },
);

export const sandboxConnector = defineConnector({
  kind: 'sandbox',
  configSchema: SandboxConfig,
  credentialsSchema: Type.Object({}, { additionalProperties: false }),
  capabilities: { pull: false, webhook: false, stream: false, reply: true },

  async test(channel) {
    return {
      ok: true,
      message: `A sandbox for ${networkName(channel.config.network)}: replies are kept inside Rapport and sent nowhere.`,
    };
  },

  // Nothing is sent, so no network names the reply: our own id is the only one there is.
  async sendReply(_channel, reply) {
    return { externalId: reply.messageId };
  },
});
