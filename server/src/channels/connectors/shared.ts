/** Settings and helpers several connectors share. */
import { Type } from 'typebox';
// From the modules themselves, not the domain's index: the index names the connectors (reply capability), and a cycle through it would leave these unset.
import { detectFormat, parseFile } from '../formats.js';
import type { FormatName, ParseOptions } from '../index.js';
import { ConnectorError, type ReceivedBatch } from '../connector.js';
import { rangeInWords } from '../net/address-policy.js';
import { privateHost } from '../net/private-host.js';

export const USER_AGENT = 'Rapport/0.1 (self-hosted social CRM)';

export const HttpUrl = Type.String({ minLength: 8, maxLength: 2048, description: 'An http or https URL' });

/** Only admins write channels, so an admin decides whether a channel may reach intranet hosts. */
export const AllowPrivateNetwork = Type.Optional(
  Type.Boolean({ description: 'Let this channel reach private, loopback and link-local addresses (off by default)' }),
);

/**
 * The problem with a host that is private on its face (an address in a private range, localhost)
 * while the channel may not reach the private network. Names that resolve to private addresses are
 * refused when dialled.
 */
export function privateHostProblems(field: string, host: string, allowPrivateNetwork: boolean): { field: string; reason: string }[] {
  const range = allowPrivateNetwork ? null : privateHost(host);
  if (!range) return [];
  return [
    {
      field,
      reason: `is on the private network (${host} is ${rangeInWords(range)}); turn on “Allow addresses on the private network” (allowPrivateNetwork) to reach it`,
    },
  ];
}

/**
 * Field problems for a URL setting that is not http(s), or that points at the private network
 * while the channel may not reach it. A user name or password in the URL is refused
 * here rather than at the first request: settings are shown and audited, secrets are not.
 */
export function urlProblems(
  field: string,
  value: string | undefined,
  allowPrivateNetwork: boolean | undefined,
): { field: string; reason: string }[] {
  if (value === undefined) return [];
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return [{ field, reason: 'must be a URL' }];
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return [{ field, reason: 'must be an http or https URL' }];
  if (url.username || url.password) return [{ field, reason: 'must not contain a user name or password' }];
  return privateHostProblems(field, url.hostname, allowPrivateNetwork === true);
}

/**
 * Parses a payload as `format` (or the detected format among `allowed`). A payload that is not
 * readable at all is a parse error; single bad items travel on as rejections (dead letters).
 */
export async function parsePayload(
  body: Buffer | string,
  allowed: readonly FormatName[],
  options: ParseOptions & { fileName?: string },
): Promise<ReceivedBatch> {
  const detected = detectFormat(options.fileName ?? 'payload', body);
  const format = detected && allowed.includes(detected) ? detected : allowed.length === 1 ? allowed[0]! : null;
  if (!format) throw new ConnectorError('parse_error', `the payload is not ${allowed.join(' or ')}`);
  const result = await parseFile(format, body, options);
  const fatal = result.rejected.find((r) => r.index === null && r.code !== 'empty');
  if (fatal && result.messages.length === 0) throw new ConnectorError('parse_error', fatal.reason);
  return {
    format,
    messages: result.messages,
    profiles: result.profiles,
    deletions: result.deletions,
    // An empty feed is a quiet day, not a failure to keep.
    rejected: result.rejected.filter((r) => r.code !== 'empty' && r.code !== 'not-a-message'),
    payload: typeof body === 'string' ? body : body.toString('utf8'),
  };
}
