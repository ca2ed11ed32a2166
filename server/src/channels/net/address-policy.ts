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

/**
 * A refused range as people say it, with its article ("a link-local address"): ipaddr.js names
 * ranges in camel case (`linkLocal`, `carrierGradeNat`, `rfc6052`), which admins were shown as is.
 */
const RANGES_IN_WORDS: Record<string, string> = {
  localhost: 'this server',
  loopback: 'a loopback address (this server)',
  private: 'a private address',
  uniqueLocal: 'a unique local (private IPv6) address',
  linkLocal: 'a link-local address',
  carrierGradeNat: 'a carrier-grade NAT address',
  unspecified: 'an unspecified address',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
  reserved: 'a reserved address',
  benchmarking: 'a benchmarking address',
  discard: 'a discard-only address',
  deprecatedSiteLocal: 'a site-local address',
  ipv4Mapped: 'an IPv4-mapped address',
  rfc6145: 'an IPv4-translated address',
  rfc6052: 'an IPv4-embedded (NAT64) address',
  '6to4': 'a 6to4 relay address',
  teredo: 'a Teredo tunnel address',
  invalid: 'not a valid IP address',
};

export function rangeInWords(range: string): string {
  return RANGES_IN_WORDS[range] ?? 'a special-purpose address';
}
