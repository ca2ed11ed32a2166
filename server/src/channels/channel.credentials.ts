/**
 * Channel secrets at rest: sealed under the server secret and bound to the channel id, so a copied
 * row or backup reveals nothing and a sealed value moved to another channel does not open.
 */
import { sealedBox } from '../platform/crypto/sealed-box.js';
import { ConnectorError } from './connector.js';

const PURPOSE = 'channel-credentials';

export function sealCredentials(serverSecret: string, channelId: string, credentials: Record<string, unknown>): string {
  return sealedBox(serverSecret, PURPOSE).seal(JSON.stringify(credentials), channelId);
}

export const UNREADABLE_CREDENTIALS = 'its secrets can no longer be read (the server secret changed); enter them again';

/**
 * The channel's secrets, or null when it has none. Sealed under another server secret (it was
 * changed, or the database came from another server) they cannot be opened: that is the channel's
 * own failure, which only entering the secrets again repairs.
 */
export function openCredentials(serverSecret: string, channelId: string, sealed: string | null): Record<string, unknown> | null {
  if (sealed === null) return null;
  let opened: string;
  try {
    opened = sealedBox(serverSecret, PURPOSE).open(sealed, channelId);
  } catch {
    throw new ConnectorError('credentials_unreadable', UNREADABLE_CREDENTIALS);
  }
  return JSON.parse(opened) as Record<string, unknown>;
}
