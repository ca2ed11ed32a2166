/** How each network, and each kind of channel, is named and drawn. */
import {
  IconBrandBluesky,
  IconBrandMastodon,
  IconBrandMeta,
  IconBrandReddit,
  IconBrandX,
  IconFlask,
  IconMail,
  IconRss,
  IconWebhook,
  type TablerIcon,
} from '@tabler/icons-react';
import type { Network } from '../../lib/types';
import type { ChannelKind } from './types';

type Meta = { label: string; icon: TablerIcon; color: string };

export const NETWORK_META: Record<Network, Meta> = {
  rss: { label: 'RSS / Atom feed', icon: IconRss, color: 'orange' },
  email: { label: 'E-mail', icon: IconMail, color: 'blue' },
  mastodon: { label: 'Mastodon', icon: IconBrandMastodon, color: 'violet' },
  bluesky: { label: 'Bluesky', icon: IconBrandBluesky, color: 'cyan' },
  twitter: { label: 'X (Twitter)', icon: IconBrandX, color: 'dark' },
  meta: { label: 'Facebook / Instagram', icon: IconBrandMeta, color: 'indigo' },
  reddit: { label: 'Reddit', icon: IconBrandReddit, color: 'red' },
  webhook: { label: 'Webhook', icon: IconWebhook, color: 'grape' },
};

/** A network's channel is drawn as its network; a sandbox, which stands in for one, as itself. */
export const CHANNEL_KIND_META: Record<ChannelKind, Meta> = {
  ...NETWORK_META,
  sandbox: { label: 'Sandbox (sends nothing)', icon: IconFlask, color: 'teal' },
};
