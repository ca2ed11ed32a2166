/** Which network a channel's messages are of: its kind's own, or the one a sandbox channel stands in for. */
import { NETWORKS, type ChannelKind, type Network } from './message.schema.js';

/** Null for a sandbox whose settings name no known network (they are checked when saved, so only a hand-edited row). */
export function channelNetwork(kind: ChannelKind, config: Record<string, unknown>): Network | null {
  if (kind !== 'sandbox') return kind;
  return NETWORKS.find((network) => network === config.network) ?? null;
}
