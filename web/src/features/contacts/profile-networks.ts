/**
 * The networks a contact's social profiles are on, by the names people know them by. A profile's
 * network is stored as typed, lower case for the known ones ("linkedin"): this names it.
 */
import { networkName } from '../listening/NetworkLabel';

/** The ones offered when adding a profile, each stored by its key. */
const PROFILE_NETWORKS: Record<string, string> = {
  mastodon: networkName('mastodon'),
  bluesky: networkName('bluesky'),
  x: 'X',
  linkedin: 'LinkedIn',
  instagram: 'Instagram',
  facebook: 'Facebook',
  github: 'GitHub',
  youtube: 'YouTube',
  tiktok: 'TikTok',
};

export const PROFILE_NETWORK_NAMES = Object.values(PROFILE_NETWORKS);

/** A profile's network as people read it; one the app does not know, as it was typed. */
export function profileNetworkName(network: string): string {
  return PROFILE_NETWORKS[network.toLowerCase()] ?? networkName(network);
}

/** The key to store for what was typed or picked: a known network by its key, anything else as typed. */
export function profileNetworkKey(typed: string): string {
  const known = Object.entries(PROFILE_NETWORKS).find(([, name]) => name.toLowerCase() === typed.trim().toLowerCase());
  return known?.[0] ?? typed;
}
