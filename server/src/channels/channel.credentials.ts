/**
 * Channel secrets at rest: sealed under the server secret and bound to the channel id, so a copied
 * row or backup reveals nothing and a sealed value moved to another channel does not open.
 */
import { sealedBox } from '../platform/crypto/sealed-box.js';

const PURPOSE = 'channel-credentials';

export function sealCredentials(serverSecret: string, channelId: string, credentials: Record<string, unknown>): string {
  return sealedBox(serverSecret, PURPOSE).seal(JSON.stringify(credentials), channelId);
}

export function openCredentials(serverSecret: string, channelId: string, sealed: string | null): Record<string, unknown> | null {
  if (sealed === null) return null;
  return JSON.parse(sealedBox(serverSecret, PURPOSE).open(sealed, channelId)) as Record<string, unknown>;
}
