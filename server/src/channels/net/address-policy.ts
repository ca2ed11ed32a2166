/**
 * Which addresses a connector may reach. Channel URLs come from workspace admins and from remote
 * servers (redirects, feed links), so by default only public unicast addresses are allowed: no
 * loopback, private, link-local (cloud metadata), CGNAT, multicast, unspecified or reserved ranges,
 * and an IPv4 address dressed as IPv6 is judged as the IPv4 address it is.
 */
import ipaddr from 'ipaddr.js';

export interface NetPolicy {
  /** An admin's explicit choice for a channel that must reach an intranet host (or a test server). */
  allowPrivateNetwork: boolean;
}

export const PUBLIC_ONLY: NetPolicy = { allowPrivateNetwork: false };

/** Null when `address` may be connected to under `policy`, else the range that forbids it. */
export function refusedRange(address: string, policy: NetPolicy): string | null {
  if (!ipaddr.isValid(address)) return 'invalid';
  if (policy.allowPrivateNetwork) return null;
  // process() turns ::ffff:10.0.0.1 into 10.0.0.1, so mapped addresses meet the IPv4 rules.
  const range = ipaddr.process(address).range();
  return range === 'unicast' ? null : range;
}
