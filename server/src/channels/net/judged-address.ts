/**
 * For protocols we dial ourselves (SMTP, IMAP): the host's address, judged by the channel's
 * address policy. The caller connects to this address (TLS still checks the certificate against
 * the name), so a name cannot be re-pointed at an intranet host between the check and the use.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { ConnectorError } from '../connector.js';
import { connectionFailure } from './connection-failure.js';
import { rangeInWords, refusedRange, type NetPolicy } from './address-policy.js';

export async function judgedAddress(host: string, policy: NetPolicy): Promise<string> {
  let addresses: { address: string }[];
  try {
    addresses = isIP(host) ? [{ address: host }] : await lookup(host, { all: true });
  } catch (error) {
    throw connectionFailure(host, error);
  }
  for (const { address } of addresses) {
    const range = refusedRange(address, policy);
    if (range)
      throw new ConnectorError('ssrf_refused', `${host} resolves to ${address}, ${rangeInWords(range)}, which channels may not reach`);
  }
  if (!addresses[0]) throw new ConnectorError('network', `${host} has no address`, true);
  return addresses[0].address;
}
