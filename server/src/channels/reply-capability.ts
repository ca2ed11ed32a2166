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

/** The longest reply the network takes, or null without a limit; a sandbox standing in for it takes the same. */
export function replyLengthOn(network: Network): ReplyLength | null {
  return connectorFor(network)?.replyLength ?? null;
}
