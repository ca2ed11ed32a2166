/**
 * The demo's channels: one sandbox channel per network its conversations come from, so every demo
 * conversation can be answered. A sandbox channel takes replies through the real delivery path
 * (queued, sent, counted on the channel) and sends nothing anywhere, which is what a demo needs.
 */
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db/db.js';
import type { Network } from '../channels/index.js';
import { createChannel } from '../channels/channel.service.js';

const NAMES: Record<Network, string> = {
  rss: 'Demo blog (sandbox)',
  email: 'Demo e-mail (sandbox)',
  mastodon: 'Demo Mastodon (sandbox)',
  bluesky: 'Demo Bluesky (sandbox)',
  twitter: 'Demo X (sandbox)',
  meta: 'Demo Messenger (sandbox)',
  reddit: 'Demo Reddit (sandbox)',
  webhook: 'Demo webhook (sandbox)',
};

export interface DemoChannels {
  /** The network's sandbox channel, created the first time it is asked for (with `purpose` then). */
  channelFor(network: Network, purpose: 'inbox' | 'listening'): Promise<string>;
}

export function demoChannels(ctx: Ctx, deps: { db: Db; secret: string }): DemoChannels {
  const created = new Map<Network, Promise<string>>();
  return {
    channelFor(network, purpose) {
      let id = created.get(network);
      if (!id) {
        id = createChannel(ctx, deps, { kind: 'sandbox', name: NAMES[network], config: { network }, purpose }).then((c) => c.id);
        created.set(network, id);
      }
      return id;
    },
  };
}
