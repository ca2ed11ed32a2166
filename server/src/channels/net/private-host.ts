/**
 * Hosts that are private on their face: an address literal in a range channels may not reach, or a
 * localhost name (RFC 6761). Judged when a channel's settings are saved, so the admin hears it at
 * once rather than at the first fetch; names that only resolve to private addresses are caught when
 * dialled (safe-fetch.ts, judged-address.ts), which also defeats DNS rebinding.
 */
import ipaddr from 'ipaddr.js';
import { PUBLIC_ONLY, refusedRange } from './address-policy.js';

/** What makes the host private (`loopback`, `private`, `localhost`…), or null when only resolving it can tell. */
export function privateHost(host: string): string | null {
  const bare = host
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) return 'localhost';
  if (!ipaddr.isValid(bare)) return null;
  return refusedRange(bare, PUBLIC_ONLY);
}
