/** Networks as a sandbox channel names them to admins ("A sandbox for e-mail"). */
import type { Network } from '../../message.schema.js';

const NAMES: Record<Network, string> = {
  rss: 'RSS / Atom feeds',
  email: 'e-mail',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  twitter: 'X (Twitter)',
  meta: 'Facebook / Instagram',
  reddit: 'Reddit',
  webhook: 'a webhook',
};

export function networkName(network: Network): string {
  return NAMES[network];
}
