/** Whether a channel kind can carry a reply, as its connector declares: a feed only reads. */
import { connectorFor } from './registry.js';
import type { ChannelKind } from './message.schema.js';

export function canReplyThrough(kind: ChannelKind): boolean {
  return connectorFor(kind)?.capabilities.reply === true;
}
