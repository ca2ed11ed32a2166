/** Whether a channel can carry a reply, and how long one may be, as its connector declares. */
import { connectorFor } from './registry.js';
import type { ChannelKind, Network } from './message.schema.js';
import type { ReplyLength } from './connectors/reply-length.js';

/**
 * `never`: the kind only reads (a feed); `not_set_up`: its settings lack what replies need, said in
 * `missing`; `ready`: replies can go out (whether the channel is up is delivery's business).
 */
export type ReplyCapability = { state: 'ready' } | { state: 'never' } | { state: 'not_set_up'; missing: string };

export function replyCapability(kind: ChannelKind, config: Record<string, unknown>): ReplyCapability {
  const connector = connectorFor(kind);
  if (connector?.capabilities.reply !== true) return { state: 'never' };
  const missing = connector.replySetupMissing?.(config as never) ?? null;
  return missing ? { state: 'not_set_up', missing } : { state: 'ready' };
}

/**
 * The longest reply a conversation takes: what its channel's own server said (`server`, a Mastodon
 * instance's limit), else its network's, which a sandbox standing in for the network takes too;
 * null without a limit.
 */
export function replyLengthOn(network: Network, server: ReplyLength | null = null): ReplyLength | null {
  if (server) return { max: server.max, counting: server.counting };
  return connectorFor(network)?.replyLength ?? null;
}
