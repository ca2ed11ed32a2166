/**
 * What a channel's kind means to the people reading it: a network's own connector, or a sandbox
 * that stands in for a network, takes replies through the usual delivery and sends nothing anywhere.
 */
import { NETWORKS, type Network } from '../../lib/types';
import { CHANNEL_KIND_META, NETWORK_META } from './networks';
import type { Channel, ChannelKind, HealthState } from './types';

/** Said wherever a sandbox channel is shown: on its page, when adding one, and in the composer. */
export const SANDBOX_PROMISE = 'A sandbox channel keeps replies inside Rapport and sends nothing anywhere.';

type KindOf = Pick<Channel, 'kind' | 'config'>;

/** The network a sandbox channel stands in for, or null for another kind (or settings naming none). */
export function sandboxNetwork(channel: KindOf): Network | null {
  if (channel.kind !== 'sandbox') return null;
  return NETWORKS.find((network) => network === channel.config.network) ?? null;
}

/** The name a new channel of the kind starts with. */
export function defaultChannelName(kind: Channel['kind']): string {
  return kind === 'sandbox' ? 'Sandbox' : NETWORK_META[kind].label;
}

/** "Sandbox for E-mail" for a sandbox channel; the network's name for the others. */
export function channelKindLabel(channel: KindOf): string {
  if (channel.kind !== 'sandbox') return CHANNEL_KIND_META[channel.kind].label;
  const network = sandboxNetwork(channel);
  return network ? `Sandbox for ${NETWORK_META[network].label}` : 'Sandbox';
}

/** What the composer tells an agent about where a reply goes, or null when it goes out for real. */
export function sandboxReplyNotice(channel: (KindOf & Pick<Channel, 'name'>) | undefined): string | null {
  if (!channel || channel.kind !== 'sandbox') return null;
  return `This conversation came through “${channel.name}”, a sandbox channel: your reply is kept inside Rapport and sent to no one.`;
}

const HEALTH_LABELS: Record<HealthState, string> = { ok: 'Healthy', failing: 'Failing', paused: 'Paused', new: 'Not synced yet' };

/** A channel's health in words. A sandbox has nothing to sync: before its first reply it is simply ready. */
export function healthLabel(state: HealthState, kind: ChannelKind): string {
  if (state === 'new' && kind === 'sandbox') return 'Ready';
  return HEALTH_LABELS[state] ?? HEALTH_LABELS.new;
}

/** The kinds a network feeds by calling Rapport's webhook address, rather than Rapport fetching. */
const WEBHOOK_KINDS: ReadonlySet<ChannelKind> = new Set(['webhook', 'twitter', 'meta']);

export function receivesWebhooks(kind: ChannelKind): boolean {
  return WEBHOOK_KINDS.has(kind);
}

/**
 * What pausing a webhook-fed channel does to its deliveries: Rapport refuses them (503 with
 * Retry-After) so the network sends them again later, but networks give up after a while.
 */
export const PAUSE_WEBHOOK_WARNING =
  'While the channel is paused, Rapport refuses the deliveries the network sends to its webhook address and asks it to retry later. ' +
  'Networks retry only for a limited time, so messages sent during a long pause may never arrive.';
