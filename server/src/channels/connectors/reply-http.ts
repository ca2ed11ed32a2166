/** Replies through a network's HTTP API: a JSON POST with a bearer token, through the channel's address policy. */
import { ConnectorError } from '../connector.js';
import type { NetPolicy } from '../net/address-policy.js';
import { expectSuccess, safeFetch } from '../net/safe-fetch.js';
import { USER_AGENT } from './shared.js';

export async function postJson(url: string, token: string, body: unknown, net: NetPolicy, what: string): Promise<Record<string, unknown>> {
  const response = await safeFetch(url, net, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json', 'user-agent': USER_AGENT },
    body: JSON.stringify(body),
  });
  expectSuccess(response, what);
  try {
    return JSON.parse(response.body.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new ConnectorError('parse_error', `${what} answered something other than JSON`);
  }
}

/** `base` + `path`, keeping any path prefix of the base (an API version, a proxy's prefix). */
export function apiUrl(base: string, path: string): string {
  return new URL(path.replace(/^\//, ''), base.replace(/\/?$/, '/')).toString();
}
