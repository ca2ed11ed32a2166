/** How each network (and so each channel kind) is named and drawn. */
import {
  IconBrandBluesky,
  IconBrandMastodon,
  IconBrandMeta,
  IconBrandReddit,
  IconBrandX,
  IconMail,
  IconRss,
  IconWebhook,
  type TablerIcon,
} from '@tabler/icons-react';
import type { Network } from '../../lib/types';

export const NETWORK_META: Record<Network, { label: string; icon: TablerIcon; color: string }> = {
  rss: { label: 'RSS / Atom feed', icon: IconRss, color: 'orange' },
  email: { label: 'E-mail', icon: IconMail, color: 'blue' },
  mastodon: { label: 'Mastodon', icon: IconBrandMastodon, color: 'violet' },
  bluesky: { label: 'Bluesky', icon: IconBrandBluesky, color: 'cyan' },
  twitter: { label: 'X (Twitter)', icon: IconBrandX, color: 'dark' },
  meta: { label: 'Facebook / Instagram', icon: IconBrandMeta, color: 'indigo' },
  reddit: { label: 'Reddit', icon: IconBrandReddit, color: 'red' },
  webhook: { label: 'Webhook', icon: IconWebhook, color: 'grape' },
};
